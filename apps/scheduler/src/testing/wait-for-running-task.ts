import type { Db } from "@updraft/db";
import { waitUntil } from "@updraft/config/wait-until";

/** Polls until the run's task `taskId` is RUNNING and returns its task instance, as long as that takes (waitUntil). */
export async function waitForRunningTask(db: Db, runId: string, taskId: string) {
  return waitUntil(
    async () => (await db.taskInstance.findFirst({ where: { dagRunId: runId, taskId, state: "RUNNING" } })) ?? undefined,
    () => `task ${taskId} of run ${runId} to run`,
  );
}
