import type { Db } from "@updraft/db";
import { markDagRun } from "@updraft/engine";
import { findRunOrThrow } from "./find-run";

/** Marks the tenant's run SUCCESS or FAILED (Airflow's "mark success / mark failed"). */
export async function markRun(
  db: Db,
  input: { tenantId: string; id: string; state: "SUCCESS" | "FAILED"; actor: string },
): Promise<{ id: string; state: "SUCCESS" | "FAILED" }> {
  const run = await findRunOrThrow(db, input.tenantId, input.id);
  await markDagRun(db, { tenantId: input.tenantId, runDbId: run.id, state: input.state, actor: input.actor });
  return { id: run.id, state: input.state };
}
