import type { Db } from "@updraft/db";
import { enqueueJob } from "../jobs/enqueue-job";
import { jobKeySql, launchTaskJobKey } from "../jobs/job-keys";
import { pendingJobSql } from "../jobs/pending-job-sql";
import { decideStuckQueuedTries, type QueuedTry } from "./decide-stuck-queued-tries";

/**
 * Re-enqueues the launch of QUEUED tries whose `launch_task` job is gone (see
 * decideStuckQueuedTries). One statement reads the tries and the job queue, so
 * a launch that is just finishing is never mistaken for a lost one: the try
 * leaves QUEUED before its job is deleted.
 */
export async function relaunchStuckTries(db: Db, options: { stuckAfterMs: number; limit?: number }): Promise<QueuedTry[]> {
  const rows = await db.$queryRaw<(QueuedTry & { dbNow: Date })[]>`
    SELECT ti.id::text AS "taskInstanceId", ti.try_number AS "tryNumber", ti.queued_at AS "queuedAt",
      ${pendingJobSql([jobKeySql.launchTask("ti.id", "ti.try_number")], "launch_task")} AS "hasPendingLaunch",
      now() AS "dbNow"
    FROM task_instances ti
    WHERE ti.state = 'QUEUED' AND ti.try_number > 0
      AND coalesce(ti.queued_at, ti.updated_at) < now() - ${options.stuckAfterMs}::int * interval '1 millisecond'
    ORDER BY ti.queued_at NULLS FIRST
    LIMIT ${options.limit ?? 1000}`;
  const first = rows[0];
  if (!first) return [];
  const stuck = decideStuckQueuedTries(rows, first.dbNow, options.stuckAfterMs);
  for (const t of stuck) {
    await enqueueJob(
      db,
      "launch_task",
      { taskInstanceId: t.taskInstanceId, tryNumber: t.tryNumber },
      { jobKey: launchTaskJobKey(t.taskInstanceId, t.tryNumber) },
    );
  }
  return stuck;
}
