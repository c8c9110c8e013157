import type { TaskList } from "graphile-worker";
import type { SchedulerMetrics } from "../metrics/scheduler-metrics";

/** Wraps every job handler to count its runs by outcome (`updraft_scheduler_jobs_total{job,outcome}`). */
export function countJobs(taskList: TaskList, metrics: SchedulerMetrics): TaskList {
  const counted: TaskList = {};
  for (const [job, task] of Object.entries(taskList)) {
    if (!task) continue;
    counted[job] = async (payload, helpers) => {
      try {
        await task(payload, helpers);
        metrics.jobs.inc({ job, outcome: "ok" });
      } catch (err) {
        metrics.jobs.inc({ job, outcome: "error" });
        throw err;
      }
    };
  }
  return counted;
}
