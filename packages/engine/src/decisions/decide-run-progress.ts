import type { TaskSpec } from "@updraft/dag";
import type { TaskState } from "@updraft/db";
import { evaluateTriggerRule } from "./evaluate-trigger-rule";
import { isFinished } from "./task-states";

export interface RunProgressInput {
  tasks: readonly Pick<TaskSpec, "task_id" | "depends_on" | "trigger_rule" | "priority_weight">[];
  states: ReadonlyMap<string, TaskState>;
  /** Execution slots this run may still take (max_active_tasks minus the DAG's active tasks). */
  freeSlots: number;
}

export interface TaskChange {
  taskId: string;
  state: "QUEUED" | "SKIPPED" | "UPSTREAM_FAILED";
  message: string | null;
}

export interface RunProgress {
  changes: TaskChange[];
  /** Tasks ready to run that did not get a slot this time. */
  waitingForSlots: string[];
  /** Set when every task is finished after the changes: the run's final state. */
  finalState: "SUCCESS" | "FAILED" | null;
}

/**
 * Decides what a run does next: which waiting tasks start, which are skipped
 * or upstream_failed (propagating down the graph in one pass), and whether the
 * run is over. Pure: the caller applies the result in a transaction.
 */
export function decideRunProgress(input: RunProgressInput): RunProgress {
  const states = new Map(input.states);
  const ready: Pick<TaskSpec, "task_id" | "priority_weight">[] = [];
  const changes: TaskChange[] = [];

  for (const task of topologicalOrder(input.tasks)) {
    if (states.get(task.task_id) !== "NONE") continue;
    const upstream = task.depends_on.map((id) => states.get(id) ?? "NONE");
    const decision = evaluateTriggerRule(task.trigger_rule, upstream);
    if (decision === "run") ready.push(task);
    else if (decision === "skip") {
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

  const ordered = [...ready].sort((a, b) => b.priority_weight - a.priority_weight);
  const slots = Math.max(0, input.freeSlots);
  const started = ordered.slice(0, slots);
  for (const task of started) {
    states.set(task.task_id, "QUEUED");
    changes.push({ taskId: task.task_id, state: "QUEUED", message: null });
  }

  return {
    changes,
    waitingForSlots: ordered.slice(slots).map((t) => t.task_id),
    finalState: decideFinalState(input.tasks, states),
  };
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

/** Kahn's order; the DAG parser has already rejected cycles. */
function topologicalOrder<T extends { task_id: string; depends_on: readonly string[] }>(tasks: readonly T[]): T[] {
  const byId = new Map(tasks.map((t) => [t.task_id, t]));
  const remaining = new Map(tasks.map((t) => [t.task_id, t.depends_on.filter((d) => byId.has(d)).length]));
  const downstream = new Map<string, string[]>();
  for (const t of tasks) for (const d of t.depends_on) downstream.set(d, [...(downstream.get(d) ?? []), t.task_id]);
  const queue = tasks.filter((t) => remaining.get(t.task_id) === 0).map((t) => t.task_id);
  const out: T[] = [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    out.push(byId.get(id)!);
    for (const next of downstream.get(id) ?? []) {
      const left = remaining.get(next)! - 1;
      remaining.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  return out;
}
