import { Prisma, type DagRunState, type DagRunType, type DbOrTx } from "@updraft/db";
import { findDagOrThrow } from "../dags/find-dag";

export interface RunListItem {
  id: string;
  runId: string;
  runType: DagRunType;
  state: DagRunState;
  logicalDate: Date;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  version: number;
  triggeredBy: string | null;
}

/**
 * The DAG's runs, newest first, with their version number and who triggered
 * them: one statement (the Runs tab polls it); only an empty answer looks the
 * DAG up again, to tell "no runs yet" from "no such DAG".
 */
export async function listRuns(db: DbOrTx, input: { tenantId: string; dagId: string; limit: number }): Promise<RunListItem[]> {
  const runs = await db.$queryRaw<RunListItem[]>(Prisma.sql`
    SELECT r.id, r.run_id AS "runId", r.run_type::text AS "runType", r.state::text AS state, r.logical_date AS "logicalDate",
           r.created_at AS "createdAt", r.started_at AS "startedAt", r.ended_at AS "endedAt",
           v.version, u.email AS "triggeredBy"
      FROM dags d
      JOIN dag_runs r ON r.dag_db_id = d.id AND r.tenant_id = d.tenant_id
      JOIN dag_versions v ON v.id = r.dag_version_id
      LEFT JOIN users u ON u.id = r.triggered_by_id
     WHERE d.tenant_id = ${input.tenantId}::uuid AND d.dag_id = ${input.dagId}
     ORDER BY r.created_at DESC, r.id DESC
     LIMIT ${input.limit}::int`);
  if (runs.length === 0) await findDagOrThrow(db, input.tenantId, input.dagId);
  return runs;
}
