import type { DbOrTx } from "@updraft/db";
import { enqueueJob } from "./enqueue-job";

/** The tick job's fixed key: one pending tick however many schedulers run. */
export const TICK_JOB_KEY = "tick";

/**
 * Asks for a tick now when a DAG became due (e.g. an upload whose latest
 * interval has already ended), instead of waiting for the next timed tick.
 */
export async function requestTickIfDue(db: DbOrTx, nextRunAt: Date | null, now: Date = new Date()): Promise<void> {
  if (nextRunAt && nextRunAt.getTime() <= now.getTime()) {
    await enqueueJob(db, "tick", {}, { jobKey: TICK_JOB_KEY });
  }
}
