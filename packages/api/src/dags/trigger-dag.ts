import type { Db } from "@updraft/db";
import { triggerDagRun } from "@updraft/engine";
import { findDagOrThrow } from "./find-dag";

/** Starts a manual run of the tenant's DAG; the engine's UserErrors become BAD_REQUEST. */
export async function triggerDag(
  db: Db,
  input: { tenantId: string; dagId: string; conf?: Record<string, unknown>; userId: string },
): Promise<{ id: string; runId: string; dagId: string }> {
  const dag = await findDagOrThrow(db, input.tenantId, input.dagId);
  const run = await triggerDagRun(db, {
    tenantId: input.tenantId,
    dagDbId: dag.id,
    conf: input.conf,
    triggeredById: input.userId,
  });
  return { id: run.id, runId: run.runId, dagId: dag.dagId };
}
