import type { DbOrTx } from "@updraft/db";
import { enqueueJob } from "./enqueue-job";
import { RECONCILE_JOB_KEY } from "./job-keys";

/**
 * Schedules the `reconcile` job. `keepEarlier` (used at start-up) leaves an
 * already pending reconcile at its time; otherwise the pending one moves to `runAt`.
 */
export async function scheduleReconcile(db: DbOrTx, options: { runAt?: Date; keepEarlier?: boolean } = {}): Promise<void> {
  await enqueueJob(
    db,
    "reconcile",
    {},
    { runAt: options.runAt, jobKey: RECONCILE_JOB_KEY, jobKeyMode: options.keepEarlier ? "preserve_run_at" : "replace" },
  );
}
