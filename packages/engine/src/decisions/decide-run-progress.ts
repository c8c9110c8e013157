import type { TaskSpec } from "@updraft/dag";
import type { TaskState } from "@updraft/db";
import { evaluateTriggerRule } from "./evaluate-trigger-rule";
import { isFinished } from "./task-states";
import { topologicalOrder } from "./topological-order";

export interface RunProgressInput {
  tasks: readonly Pick<TaskSpec, "task_id" | "depends_on" | "trigger_rule">[];
  states: ReadonlyMap<string, TaskState>;
  /** UP_FOR_RETRY tasks whose next try is due (nextTryAt <= now): ready again once their trigger rule holds. */
  retryDue?: ReadonlySet<string>;
}

export interface TaskChange {
  taskId: string;
  state: "SCHEDULED" | "SKIPPED" | "UPSTREAM_FAILED";
  message: string | null;
}

export interface RunProgress {
  changes: TaskChange[];
  /** Set when every task is finished after the changes: the run's final state. */
  finalState: "SUCCESS" | "FAILED" | null;
}

/**
 * Decides what a run does next: which waiting tasks are ready (their trigger
 * rule holds: SCHEDULED, waiting for an execution slot), which are skipped or
 * upstream_failed (propagating down the graph in one pass), and whether the
 * run is over. Pure: the caller applies the result in a transaction, and
 * admission (planAdmission) decides which SCHEDULED tasks get a slot.
 */
export function decideRunProgress(input: RunProgressInput): RunProgress {
  const states = new Map(input.states);
  const changes: TaskChange[] = [];

  for (const task of topologicalOrder(input.tasks)) {
    const state = states.get(task.task_id);
    const retrying = state === "UP_FOR_RETRY" && (input.retryDue?.has(task.task_id) ?? false);
    if (state !== "NONE" && !retrying) continue;
    const upstream = task.depends_on.map((id) => states.get(id) ?? "NONE");
    const decision = evaluateTriggerRule(task.trigger_rule, upstream);
    if (decision === "run") {
      states.set(task.task_id, "SCHEDULED");
      changes.push({ taskId: task.task_id, state: "SCHEDULED", message: null });
    } else if (retrying) {
      // An upstream task was cleared meanwhile: the retry waits for it.
      continue;
    } else if (decision === "skip") {
      states.set(task.task_id, "SKIPPED");
      changes.push({ taskId: task.task_id, state: "SKIPPED", message: `skipped by trigger rule ${task.trigger_rule}` });
    } else if (decision === "upstream_failed") {
      states.set(task.task_id, "UPSTREAM_FAILED");
      const failed = task.depends_on.filter((id) => {
        const s = states.get(id);
        return s === "FAILED" || s === "UPSTREAM_FAILED";
      });
      const names = failed.length > 0 ? failed.join(", ") : task.depends_on.join(", ");
      changes.push({ taskId: task.task_id, state: "UPSTREAM_FAILED", message: `upstream task ${names} did not succeed` });
    }
  }

  return { changes, finalState: decideFinalState(input.tasks, states) };
}

function decideFinalState(
  tasks: RunProgressInput["tasks"],
  states: ReadonlyMap<string, TaskState>,
): RunProgress["finalState"] {
  for (const task of tasks) {
    if (!isFinished(states.get(task.task_id) ?? "NONE")) return null;
  }
  const upstreamOfSomething = new Set(tasks.flatMap((t) => t.depends_on));
  const leaves = tasks.filter((t) => !upstreamOfSomething.has(t.task_id));
  const leafFailed = leaves.some((t) => {
    const s = states.get(t.task_id);
    return s === "FAILED" || s === "UPSTREAM_FAILED";
  });
  return leafFailed ? "FAILED" : "SUCCESS";
}
