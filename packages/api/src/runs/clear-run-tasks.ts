import type { Db } from "@updraft/db";
import { clearTaskInstances } from "@updraft/engine";
import { findRunOrThrow } from "./find-run";

/** Clears task instances of the tenant's run so they run again (optionally with everything downstream). */
export async function clearRunTasks(
  db: Db,
  input: { tenantId: string; id: string; taskIds: string[]; includeDownstream: boolean; actor: string },
): Promise<{ cleared: string[] }> {
  const run = await findRunOrThrow(db, input.tenantId, input.id);
  return clearTaskInstances(db, {
    tenantId: input.tenantId,
    runDbId: run.id,
    taskIds: input.taskIds,
    includeDownstream: input.includeDownstream,
    actor: input.actor,
  });
}
