import type { Db } from "@updraft/db";

export interface PendingJob {
  name: string;
  key: string | null;
  payload: Record<string, unknown>;
}

/** graphile-worker jobs of one kind waiting in the queue, oldest first. */
export async function pendingJobs(db: Db, name: string): Promise<PendingJob[]> {
  return db.$queryRaw<PendingJob[]>`
    SELECT t.identifier AS name, j.key, j.payload
      FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE t.identifier = ${name}
     ORDER BY j.id`;
}
