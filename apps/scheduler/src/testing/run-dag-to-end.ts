import type { Db } from "@updraft/db";
import { triggerNewDag } from "./trigger-new-dag";
import { waitForRunToFinish } from "./wait-for-run";

/** Uploads a DAG file, triggers a run of it and waits until the run has succeeded or failed; returns the run with its task instances. */
export async function runDagToEnd(db: Db, tenantId: string, source: string) {
  return waitForRunToFinish(db, await triggerNewDag(db, tenantId, source));
}
