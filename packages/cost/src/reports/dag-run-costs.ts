import type { DagRunState, DbOrTx } from "@updraft/db";
import { roundMoney } from "./report-filters";

export interface DagRunCost {
  id: string;
  runId: string;
  state: DagRunState;
  logicalDate: Date;
  createdAt: Date;
  /** Tries of the run that have a cost (finished and metered). */
  costedTries: number;
  tries: number;
  cost: number;
  cpuSeconds: number;
  gpuSeconds: number;
}

/** The cost of each of a DAG's last `limit` runs (newest first), summed over their tries. */
export async function dagRunCosts(db: DbOrTx, input: { tenantId: string; dagDbId: string; limit?: number }): Promise<DagRunCost[]> {
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? 25)), 200);
  const rows = await db.$queryRaw<DagRunCost[]>`
    SELECT r.id::text AS id, r.run_id AS "runId", r.state::text AS state, r.logical_date AS "logicalDate",
           r.created_at AS "createdAt",
           count(tt.cost)::int AS "costedTries", count(tt.id)::int AS tries,
           COALESCE(sum(tt.cost), 0)::float8 AS cost,
           COALESCE(sum(tt.cpu_seconds), 0)::float8 AS "cpuSeconds",
           COALESCE(sum(tt.gpu_seconds), 0)::float8 AS "gpuSeconds"
      FROM (SELECT * FROM dag_runs
             WHERE tenant_id = ${input.tenantId}::uuid AND dag_db_id = ${input.dagDbId}::uuid
             ORDER BY created_at DESC, id DESC LIMIT ${limit}) r
      LEFT JOIN task_instances ti ON ti.dag_run_id = r.id AND ti.tenant_id = r.tenant_id
      LEFT JOIN task_tries tt ON tt.task_instance_id = ti.id
     GROUP BY r.id, r.run_id, r.state, r.logical_date, r.created_at
     ORDER BY r.created_at DESC, r.id DESC`;
  return rows.map((row) => ({ ...row, cost: roundMoney(row.cost) }));
}
