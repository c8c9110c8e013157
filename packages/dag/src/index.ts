export type {
  DagError,
  DagSpec,
  DataInterval,
  ParseResult,
  ResourceQuantities,
  ResourceSpec,
  RunContext,
  TaskSpec,
  Toleration,
  TriggerRule,
} from "./types";
export { formatDagError } from "./format-dag-error";
export { parseDagFile } from "./parse-dag-file";
export { dagFileJsonSchema } from "./json-schema";
export { renderTaskInvocation } from "./render-task-invocation";
export { nextScheduledRun } from "./next-scheduled-run";
export { durationToSeconds } from "./parse-duration";
export { dateTextToInstant } from "./date-text-to-instant";
export { DEFAULT_TASK_REQUEST } from "./quantity/default-task-request";
