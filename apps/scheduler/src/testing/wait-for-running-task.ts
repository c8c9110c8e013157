import type { Db } from "@updraft/db";

/** Polls until the run's task `taskId` is RUNNING and returns its task instance; fails after `timeoutMs`. */
export async function waitForRunningTask(db: Db, runId: string, taskId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ti = await db.taskInstance.findFirst({ where: { dagRunId: runId, taskId, state: "RUNNING" } });
    if (ti) return ti;
    if (Date.now() > deadline) throw new Error(`task ${taskId} of run ${runId} not running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
