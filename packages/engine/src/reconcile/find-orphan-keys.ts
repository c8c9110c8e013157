import type { Db } from "@updraft/db";
import { decideOrphanKeys, type ExecutorTry, type OrphanKey, type TaskInstanceOwnership } from "./decide-orphan-keys";

/**
 * The executor keys of this replica whose try is no longer RUNNING under it
 * (see decideOrphanKeys). The caller kills them.
 */
export async function findOrphanKeys(db: Db, schedulerId: string, running: readonly ExecutorTry[]): Promise<OrphanKey[]> {
  if (running.length === 0) return [];
  const ids = [...new Set(running.map((t) => t.taskInstanceId))];
  const rows = await db.$queryRaw<TaskInstanceOwnership[]>`
    SELECT id::text AS "taskInstanceId", state::text AS state, try_number AS "tryNumber", scheduler_id::text AS "schedulerId"
    FROM task_instances WHERE id = ANY(${ids}::uuid[])`;
  return decideOrphanKeys(running, rows, schedulerId);
}
