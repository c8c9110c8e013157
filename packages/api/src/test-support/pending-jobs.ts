import type { Db } from "@updraft/db";
import { listPendingJobs } from "@updraft/engine";

export interface PendingJob {
  name: string;
  key: string | null;
  payload: Record<string, unknown>;
}

/** graphile-worker jobs of one kind waiting in the queue, oldest first (read through the engine's jobs module). */
export async function pendingJobs(db: Db, name: string): Promise<PendingJob[]> {
  return (await listPendingJobs(db, { name })).map(({ name: jobName, key, payload }) => ({ name: jobName, key, payload }));
}
