import type { TaskNode } from "./stored-dag-spec";

export interface LayeredTaskNode extends TaskNode {
  /** Column in a left-to-right drawing: the longest path from a root task. */
  layer: number;
}

/**
 * Assigns each task the length of the longest upstream path leading to it, so
 * every edge points to a later layer. Keeps the DAG file's task order within
 * a layer. Unknown upstream ids are ignored (stored specs are validated).
 */
export function layerTasks(nodes: TaskNode[]): LayeredTaskNode[] {
  const byId = new Map(nodes.map((n) => [n.taskId, n]));
  const layer = new Map<string, number>();
  const visiting = new Set<string>();

  const layerOf = (taskId: string): number => {
    const known = layer.get(taskId);
    if (known !== undefined) return known;
    if (visiting.has(taskId)) return 0; // a cycle cannot be stored; stay finite anyway
    visiting.add(taskId);
    const node = byId.get(taskId);
    const upstream = (node?.dependsOn ?? []).filter((id) => byId.has(id));
    const value = upstream.length === 0 ? 0 : Math.max(...upstream.map(layerOf)) + 1;
    visiting.delete(taskId);
    layer.set(taskId, value);
    return value;
  };

  const layered = nodes.map((n, index) => ({ ...n, layer: layerOf(n.taskId), index }));
  layered.sort((a, b) => a.layer - b.layer || a.index - b.index);
  return layered.map(({ index: _index, ...rest }) => rest);
}
