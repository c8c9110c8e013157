import type { DagSpec } from "@updraft/dag";

/** The graph the UI draws: task ids with their upstream ids. */
export interface TaskNode {
  taskId: string;
  dependsOn: string[];
  triggerRule: string;
}

export function taskGraphOf(spec: DagSpec): TaskNode[] {
  return spec.tasks.map((t) => ({ taskId: t.task_id, dependsOn: t.depends_on, triggerRule: t.trigger_rule }));
}
