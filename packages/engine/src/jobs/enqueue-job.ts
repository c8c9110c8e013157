import type { DbOrTx } from "@updraft/db";
import type { JobName, JobPayload } from "./job-payloads";

export interface EnqueueOptions {
  /** Deduplicates: a pending job with the same key is replaced, not doubled. */
  jobKey?: string;
  jobKeyMode?: "replace" | "preserve_run_at" | "unsafe_dedupe";
  runAt?: Date;
  priority?: number;
  maxAttempts?: number;
}

/**
 * Adds a graphile-worker job through SQL, so it commits atomically with the
 * caller's transaction. graphile-worker NOTIFYs its workers on commit, so the
 * job starts within milliseconds instead of waiting for a poll.
 */
export async function enqueueJob<N extends JobName>(
  db: DbOrTx,
  name: N,
  payload: JobPayload<N>,
  options: EnqueueOptions = {},
): Promise<void> {
  await db.$executeRaw`
    SELECT graphile_worker.add_job(
      identifier => ${name}::text,
      payload => ${JSON.stringify(payload)}::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? 25}::int,
      job_key => ${options.jobKey ?? null}::text,
      priority => ${options.priority ?? 0}::int,
      job_key_mode => ${options.jobKeyMode ?? "replace"}::text
    )`;
}
