import { downstreamMap } from "./downstream-map";

/**
 * The given tasks plus every task downstream of them (transitively), in the
 * DAG file's task order: what "clear with downstream" re-runs.
 */
export function withDownstreamTasks(
  tasks: readonly { task_id: string; depends_on: readonly string[] }[],
  taskIds: readonly string[],
): string[] {
  const downstream = downstreamMap(tasks);
  const selected = new Set<string>();
  const stack = [...taskIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (selected.has(id)) continue;
    selected.add(id);
    stack.push(...(downstream.get(id) ?? []));
  }
  return tasks.map((t) => t.task_id).filter((id) => selected.has(id));
}
