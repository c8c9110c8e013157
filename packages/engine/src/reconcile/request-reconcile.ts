import type { DbOrTx } from "@updraft/db";

/** The reconcile job's fixed key: one pending reconcile however many schedulers run. */
export const RECONCILE_JOB_KEY = "reconcile";

/**
 * Schedules the `reconcile` job. `keepEarlier` (used at start-up) leaves an
 * already pending reconcile at its time; otherwise the pending one moves to `runAt`.
 */
export async function scheduleReconcile(db: DbOrTx, options: { runAt?: Date; keepEarlier?: boolean } = {}): Promise<void> {
  await db.$executeRaw`
    SELECT graphile_worker.add_job(
      identifier => 'reconcile'::text,
      payload => '{}'::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => 25,
      job_key => ${RECONCILE_JOB_KEY}::text,
      job_key_mode => ${options.keepEarlier ? "preserve_run_at" : "replace"}::text
    )`;
}
