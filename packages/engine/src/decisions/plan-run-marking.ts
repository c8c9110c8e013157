import type { TaskState } from "@updraft/db";
import { isFinished } from "./task-states";

export interface MarkedTask {
  id: string;
  state: "SUCCESS" | "FAILED" | "SKIPPED";
  message: string;
  /** RUNNING: its process must be killed (the kill's outcome closes the try). */
  kill: boolean;
  /** QUEUED: its try never started, so it is closed now. */
  closeQueuedTry: boolean;
}

/**
 * Airflow's "mark run success / failed" for one run's task instances:
 * success turns every unfinished task SUCCESS; failed turns running and
 * queued tasks FAILED and tasks that have not started (none, scheduled,
 * up_for_retry) SKIPPED. Finished tasks keep their state. Running tasks are
 * killed.
 */
export function planRunMarking(
  instances: readonly { id: string; state: TaskState }[],
  target: "SUCCESS" | "FAILED",
  actor: string,
): MarkedTask[] {
  const marked: MarkedTask[] = [];
  for (const ti of instances) {
    if (isFinished(ti.state)) continue;
    const active = ti.state === "RUNNING" || ti.state === "QUEUED";
    const flags = { kill: ti.state === "RUNNING", closeQueuedTry: ti.state === "QUEUED" };
    if (target === "SUCCESS") marked.push({ id: ti.id, state: "SUCCESS", message: `marked success by ${actor}`, ...flags });
    else if (active) marked.push({ id: ti.id, state: "FAILED", message: `marked failed by ${actor}`, ...flags });
    else marked.push({ id: ti.id, state: "SKIPPED", message: `skipped: the run was marked failed by ${actor}`, ...flags });
  }
  return marked;
}
