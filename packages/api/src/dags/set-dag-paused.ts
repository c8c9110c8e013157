import type { Db } from "@updraft/db";
import { setDagPaused as setDagPausedInEngine } from "@updraft/engine";
import { findDagOrThrow } from "./find-dag";

/** Pauses or unpauses the tenant's DAG. */
export async function setDagPaused(db: Db, input: { tenantId: string; dagId: string; paused: boolean }) {
  const dag = await findDagOrThrow(db, input.tenantId, input.dagId);
  await setDagPausedInEngine(db, { tenantId: input.tenantId, dagDbId: dag.id, paused: input.paused });
  return { dagId: dag.dagId, isPaused: input.paused };
}
