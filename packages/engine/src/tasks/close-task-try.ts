import type { Tx } from "@updraft/db";

export interface TryEnd {
  taskInstanceId: string;
  tryNumber: number;
  state: "SUCCESS" | "FAILED";
  endedAt: Date;
  exitCode: number | null;
  message: string | null;
}

/**
 * Records how a try ended on its task_tries row, unless it has ended already
 * (the first report wins: a kill's outcome after a mark, say, does not
 * overwrite it). Creates the row when a try somehow has none.
 */
export async function closeTaskTry(tx: Tx, end: TryEnd): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO task_tries (id, task_instance_id, try_number, state, queued_at, ended_at, exit_code, message)
    SELECT gen_random_uuid(), ti.id, ${end.tryNumber}::int, ${end.state}::"TaskState",
           COALESCE(ti.queued_at, ${end.endedAt}::timestamptz), ${end.endedAt}::timestamptz, ${end.exitCode}::int, ${end.message}
      FROM task_instances ti WHERE ti.id = ${end.taskInstanceId}::uuid
    ON CONFLICT (task_instance_id, try_number) DO UPDATE
       SET state = EXCLUDED.state, ended_at = EXCLUDED.ended_at, exit_code = EXCLUDED.exit_code, message = EXCLUDED.message
     WHERE task_tries.ended_at IS NULL`;
}
