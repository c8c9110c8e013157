import type { LaunchRequest } from "./executor";

/** The fields every log line about one task try carries: `tenant`, `dag`, `run`, `task` and `try`. */
export interface TaskLogFields {
  tenant: string;
  dag: string;
  run: string;
  task: string;
  try: number;
}

/** Log fields naming a try, from its launch: `logger.info({ ...taskLogFields(req), … }, "…")`. */
export function taskLogFields(req: Pick<LaunchRequest, "tenantSlug" | "dagId" | "runId" | "taskId" | "tryNumber">): TaskLogFields {
  return { tenant: req.tenantSlug, dag: req.dagId, run: req.runId, task: req.taskId, try: req.tryNumber };
}
