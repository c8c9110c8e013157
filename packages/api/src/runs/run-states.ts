import type { DagRunState, TaskState } from "@updraft/db";

const FINISHED_RUN_STATES: ReadonlySet<DagRunState> = new Set<DagRunState>(["SUCCESS", "FAILED"]);
const FINISHED_TASK_STATES: ReadonlySet<TaskState> = new Set<TaskState>([
  "SUCCESS",
  "FAILED",
  "UPSTREAM_FAILED",
  "SKIPPED",
]);

export function isRunFinished(state: DagRunState): boolean {
  return FINISHED_RUN_STATES.has(state);
}

export function isTaskFinished(state: TaskState): boolean {
  return FINISHED_TASK_STATES.has(state);
}
