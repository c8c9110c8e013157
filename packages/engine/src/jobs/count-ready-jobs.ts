import type { Db } from "@updraft/db";

/** graphile-worker jobs ready to run now (due, unlocked, attempts left), by job name. */
export async function countReadyJobs(db: Db): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ job: string; n: number }[]>`
    SELECT t.identifier AS job, count(*)::int AS n
      FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE j.is_available AND j.run_at <= now()
     GROUP BY t.identifier`;
  return new Map(rows.map((r) => [r.job, r.n]));
}
