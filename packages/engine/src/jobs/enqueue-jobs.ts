import type { DbOrTx } from "@updraft/db";
import type { JobName, JobPayload } from "./job-payloads";

export interface JobSpec<N extends JobName = JobName> {
  name: N;
  payload: JobPayload<N>;
  /** Deduplicates: a pending job with the same key is replaced. Keys must be unique within one call. */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Adds several graphile-worker jobs in one statement (graphile_worker.add_jobs),
 * committing atomically with the caller's transaction: one round trip however
 * many tasks an admission queues.
 */
export async function enqueueJobs(db: DbOrTx, jobs: readonly JobSpec[]): Promise<void> {
  if (jobs.length === 0) return;
  const specs = jobs.map((j) => ({
    identifier: j.name,
    payload: j.payload,
    runAt: j.runAt?.toISOString() ?? null,
    maxAttempts: j.maxAttempts ?? 25,
    jobKey: j.jobKey ?? null,
  }));
  await db.$executeRaw`
    SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
      SELECT ROW(
        s->>'identifier', s->'payload', NULL, (s->>'runAt')::timestamptz,
        (s->>'maxAttempts')::smallint, s->>'jobKey', 0::smallint, NULL
      )::graphile_worker.job_spec
      FROM json_array_elements(${JSON.stringify(specs)}::json) AS s
    ))`;
}
