import type { Db } from "@updraft/db";
import { taskLogFields, type TaskLogFields } from "@updraft/executor";

/**
 * The log fields of a try known only by its ids (kill requests, zombies, lost
 * processes): read from the database. These lines are rare, so the extra
 * read is cheap; when the task instance is gone (or the read fails) the ids
 * are all there is.
 */
export async function readTaskLogFields(db: Db, taskInstanceId: string, tryNumber: number): Promise<TaskLogFields | { taskInstanceId: string; try: number }> {
  try {
    const [row] = await db.$queryRaw<{ tenantSlug: string; dagId: string; runId: string; taskId: string }[]>`
      SELECT t.slug AS "tenantSlug", d.dag_id AS "dagId", r.run_id AS "runId", ti.task_id AS "taskId"
        FROM task_instances ti
        JOIN dag_runs r ON r.id = ti.dag_run_id
        JOIN dags d ON d.id = r.dag_db_id
        JOIN tenants t ON t.id = ti.tenant_id
       WHERE ti.id = ${taskInstanceId}::uuid`;
    if (row) return taskLogFields({ ...row, tryNumber });
  } catch {
    // fall through: the ids still say which try
  }
  return { taskInstanceId, try: tryNumber };
}
