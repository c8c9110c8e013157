import type { DbOrTx } from "@updraft/db";

/**
 * graphile-worker keeps a job locked by the worker pool that took it until
 * that pool completes or fails it; a pool whose process was SIGKILLed holds
 * its jobs for 4 hours. Live replicas refresh the lock time of their jobs on
 * every heartbeat, so a lock older than the zombie threshold belongs to a dead
 * pool: its jobs are unlocked and run again elsewhere (every scheduler job is
 * idempotent).
 */
export async function refreshJobLocks(db: DbOrTx, workerPoolIds: readonly string[]): Promise<void> {
  if (workerPoolIds.length === 0) return;
  // The locks live in graphile-worker's own table; only locked_at is touched.
  await db.$executeRaw`
    UPDATE graphile_worker._private_jobs SET locked_at = now()
    WHERE locked_by = ANY(${[...workerPoolIds]}::text[])`;
}

/** Unlocks the jobs of worker pools that stopped refreshing their locks. Returns the dead pools' ids. */
export async function releaseDeadWorkerJobs(db: DbOrTx, staleAfterMs: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ lockedBy: string }[]>`
    SELECT DISTINCT locked_by AS "lockedBy" FROM graphile_worker.jobs
    WHERE locked_by IS NOT NULL AND locked_at < now() - ${staleAfterMs}::int * interval '1 millisecond'`;
  const dead = rows.map((r) => r.lockedBy);
  if (dead.length > 0) await db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${dead}::text[])`;
  return dead;
}
