import type { Db } from "@updraft/db";

/** When a try became ready to launch: its queued_at (set when admission queued it; kept while a refused launch waits). */
export async function readTryReadyAt(db: Db, taskInstanceId: string, tryNumber: number): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ queuedAt: Date }[]>`
    SELECT queued_at AS "queuedAt" FROM task_tries WHERE task_instance_id = ${taskInstanceId}::uuid AND try_number = ${tryNumber}::int`;
  return row?.queuedAt ?? null;
}
