import type { TaskList } from "graphile-worker";
import { preciseNow, type SchedulerObserver } from "./scheduler-observer";

/** Wraps every job handler so the observer hears when each job started and when it returned. */
export function observeJobs(taskList: TaskList, observer: SchedulerObserver): TaskList {
  const onJob = observer.onJob;
  if (!onJob) return taskList;
  const observed: TaskList = {};
  for (const [name, task] of Object.entries(taskList)) {
    if (!task) continue;
    observed[name] = async (payload, helpers) => {
      const startedAt = preciseNow();
      let ok = false;
      try {
        await task(payload, helpers);
        ok = true;
      } finally {
        onJob({ name, subject: subjectOf(payload), startedAt, endedAt: preciseNow(), ok });
      }
    };
  }
  return observed;
}

function subjectOf(payload: unknown): string {
  if (typeof payload !== "object" || payload === null) return "-";
  const p = payload as Record<string, unknown>;
  if (typeof p.taskInstanceId === "string" && typeof p.tryNumber === "number") return `${p.taskInstanceId}:${p.tryNumber}`;
  if (typeof p.runId === "string") return p.runId;
  return "-";
}
