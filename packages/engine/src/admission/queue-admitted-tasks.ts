import { Prisma, type Tx } from "@updraft/db";
import { addJobsSql } from "../jobs/add-job-sql";
import { jobKeySql } from "../jobs/job-keys";

export interface QueuedTask {
  taskInstanceId: string;
  taskId: string;
  tryNumber: number;
}

/**
 * Queues admitted task instances in one statement: each starts a new try
 * (tryNumber + 1, a QUEUED task_tries row) with its fields reset, and gets its
 * launch_task job (key launch_task:<id>:<try>, so a repeated admission cannot
 * launch a try twice). Only tasks still SCHEDULED are queued.
 */
export async function queueAdmittedTasks(tx: Tx, taskInstanceIds: readonly string[], now: Date): Promise<QueuedTask[]> {
  if (taskInstanceIds.length === 0) return [];
  return tx.$queryRaw<QueuedTask[]>`
    WITH admitted AS (
      UPDATE task_instances ti
         SET state = 'QUEUED', try_number = ti.try_number + 1, queued_at = ${now}::timestamptz, started_at = NULL,
             ended_at = NULL, exit_code = NULL, executor_key = NULL, scheduler_id = NULL,
             next_try_at = NULL, message = NULL, updated_at = ${now}::timestamptz
       WHERE ti.id IN (SELECT json_array_elements_text(${JSON.stringify(taskInstanceIds)}::json)::uuid)
         AND ti.state = 'SCHEDULED'
      RETURNING ti.id, ti.task_id, ti.try_number
    ), tries AS (
      INSERT INTO task_tries (id, task_instance_id, try_number, state, queued_at)
      SELECT gen_random_uuid(), a.id, a.try_number, 'QUEUED'::"TaskState", ${now}::timestamptz FROM admitted a
      ON CONFLICT (task_instance_id, try_number) DO NOTHING
    ), jobs AS (
      ${addJobsSql("launch_task", {
        payload: Prisma.sql`json_build_object('taskInstanceId', a.id, 'tryNumber', a.try_number)`,
        jobKey: jobKeySql.launchTask("a.id", "a.try_number"),
        fromRows: Prisma.sql`admitted a`,
      })}
    )
    SELECT a.id AS "taskInstanceId", a.task_id AS "taskId", a.try_number AS "tryNumber"
      FROM admitted a CROSS JOIN jobs`;
}
