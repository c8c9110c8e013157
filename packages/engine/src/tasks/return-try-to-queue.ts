import { Prisma, type Db } from "@updraft/db";
import { addJobSql } from "../jobs/add-job-sql";
import { jobKeySql } from "../jobs/job-keys";

export interface ReturnTryToQueueInput {
  taskInstanceId: string;
  tryNumber: number;
  /** The scheduler replica whose executor could not start the try. */
  schedulerId: string;
  /** Why it waits, shown to users ("waiting for quota: Kubernetes refused the pod (…)"). */
  message: string;
  /** When launch_task tries again. */
  relaunchAt: Date;
  /** How often the try has gone back to the queue, this time included (the next back-off doubles). */
  waits: number;
}

/**
 * Puts a try its executor could not start yet (quota, namespace not
 * provisioned) back in the queue: the try RUNNING under `schedulerId` becomes
 * QUEUED again (same try number, not failed), with its launch fields cleared
 * and the reason as the task's message, and launch_task is enqueued for it at
 * `relaunchAt`. Returns false, changing nothing, when the try is not running
 * under that scheduler (it finished, was cleared, or belongs to another one).
 */
export async function returnTryToQueue(db: Db, input: ReturnTryToQueueInput, now: Date = new Date()): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH returned AS (
      UPDATE task_instances
         SET state = 'QUEUED', started_at = NULL, executor_key = NULL, scheduler_id = NULL,
             message = ${input.message}, updated_at = ${now}::timestamptz
       WHERE id = ${input.taskInstanceId}::uuid AND try_number = ${input.tryNumber}::int
         AND state = 'RUNNING' AND scheduler_id = ${input.schedulerId}::uuid
      RETURNING id, try_number
    ), try_row AS (
      UPDATE task_tries t
         SET state = 'QUEUED', started_at = NULL, executor_key = NULL, scheduler_id = NULL, hostname = NULL
        FROM returned r
       WHERE t.task_instance_id = r.id AND t.try_number = r.try_number
    ), job AS (
      SELECT ${addJobSql("launch_task", {
        payload: Prisma.sql`json_build_object('taskInstanceId', r.id, 'tryNumber', r.try_number, 'waits', ${input.waits}::int)`,
        jobKey: jobKeySql.launchTask("r.id", "r.try_number"),
        runAt: input.relaunchAt,
      })} AS added
        FROM returned r
    )
    SELECT r.id::text AS id FROM returned r CROSS JOIN (SELECT count(added) FROM job) j`;
  return rows.length > 0;
}
