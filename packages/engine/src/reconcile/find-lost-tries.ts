import type { Db } from "@updraft/db";
import type { ExecutorTry } from "./decide-orphan-keys";

/**
 * The other half of the orphan check: tries the database says run under this
 * replica, but whose key its executor does not run. That happens when the
 * replica restarted with the same id (UPDRAFT_SCHEDULER_ID) and the process
 * or pod did not survive it: nobody would ever report their outcome. The
 * caller confirms a key on two sweeps before failing it, so a try being
 * launched or just reported is never taken for lost.
 */
export async function findLostTries(db: Db, schedulerId: string, runningKeys: readonly string[]): Promise<ExecutorTry[]> {
  return db.$queryRaw<ExecutorTry[]>`
    SELECT executor_key AS key, id::text AS "taskInstanceId", try_number AS "tryNumber"
      FROM task_instances
     WHERE scheduler_id = ${schedulerId}::uuid AND state = 'RUNNING' AND executor_key IS NOT NULL
       AND NOT (executor_key = ANY(${[...runningKeys]}::text[]))`;
}
