import type { DbOrTx } from "@updraft/db";
import { findDagOrThrow } from "../dags/find-dag";

/** The DAG's runs, newest first. */
export async function listRuns(db: DbOrTx, input: { tenantId: string; dagId: string; limit: number }) {
  const dag = await findDagOrThrow(db, input.tenantId, input.dagId);
  const runs = await db.dagRun.findMany({
    where: { tenantId: input.tenantId, dagDbId: dag.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
    include: { triggeredBy: { select: { email: true } }, dagVersion: { select: { version: true } } },
  });
  return runs.map((r) => ({
    id: r.id,
    runId: r.runId,
    runType: r.runType,
    state: r.state,
    logicalDate: r.logicalDate,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    version: r.dagVersion.version,
    triggeredBy: r.triggeredBy?.email ?? null,
  }));
}
