import type { TaskState } from "@updraft/db";

/** States after which a task instance will not change again on its own. */
export const FINISHED_TASK_STATES: ReadonlySet<TaskState> = new Set<TaskState>([
  "SUCCESS",
  "FAILED",
  "UPSTREAM_FAILED",
  "SKIPPED",
]);

/** States that hold an execution slot (count against max_active_tasks). */
export const ACTIVE_TASK_STATES: ReadonlySet<TaskState> = new Set<TaskState>(["QUEUED", "RUNNING"]);

export function isFinished(state: TaskState): boolean {
  return FINISHED_TASK_STATES.has(state);
}
