import type { Db } from "@updraft/db";

export interface PendingJob {
  name: string;
  key: string | null;
  payload: Record<string, unknown>;
  runAt: Date;
}

/**
 * graphile-worker jobs in the queue (waiting, locked or retrying), oldest first;
 * `name` and `key` narrow them to one job name or one job key.
 */
export async function listPendingJobs(db: Db, filter: { name?: string; key?: string } = {}): Promise<PendingJob[]> {
  const name = filter.name ?? null;
  const key = filter.key ?? null;
  return db.$queryRaw<PendingJob[]>`
    SELECT t.identifier AS name, j.key, j.payload, j.run_at AS "runAt"
      FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE (${name}::text IS NULL OR t.identifier = ${name}::text)
       AND (${key}::text IS NULL OR j.key = ${key}::text)
     ORDER BY j.id`;
}
