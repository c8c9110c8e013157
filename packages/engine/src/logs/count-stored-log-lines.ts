import type { Db } from "@updraft/db";

/**
 * How many complete lines of a try's STDOUT are stored already (its "\n"
 * characters): an executor adopting a running task skips that many lines of
 * its log, so nothing is stored twice.
 */
export async function countStoredLogLines(db: Db, taskInstanceId: string, tryNumber: number): Promise<number> {
  const [row] = await db.$queryRaw<{ lines: number }[]>`
    SELECT COALESCE(sum(length(content) - length(replace(content, E'\n', ''))), 0)::int AS lines
      FROM task_logs
     WHERE task_instance_id = ${taskInstanceId}::uuid AND try_number = ${tryNumber}::int AND stream = 'STDOUT'`;
  return row?.lines ?? 0;
}
