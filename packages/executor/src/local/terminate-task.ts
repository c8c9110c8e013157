import { join } from "node:path";
import { taskFields, type LocalExecutorState, type RunningTask } from "./local-executor-state";
import { TASK_FILES, writeJsonFile } from "./task-state-files";

/** Asks the try's supervisor to stop the task (SIGTERM, then SIGKILL after the grace time). */
export function signalSupervisor(task: RunningTask): void {
  if (task.supervisorPid === undefined) return; // not started yet: the launch signals it once it runs
  try {
    process.kill(task.supervisorPid, "SIGTERM");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Stops a try and records why (kill.json), so the reason survives a scheduler restart; the follow loop reports the end. */
export function terminateTask(state: LocalExecutorState, task: RunningTask, reason: string): void {
  if (task.ended) return;
  if (task.killReason === undefined) {
    task.killReason = reason;
    try {
      writeJsonFile(join(task.dir, TASK_FILES.kill), { reason });
    } catch (error) {
      state.log.warn({ err: error, ...taskFields(task.req) }, "could not record why the task is stopped");
    }
  }
  signalSupervisor(task);
  task.wake?.();
}
