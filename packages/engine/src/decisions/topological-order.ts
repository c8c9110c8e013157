import { downstreamMap } from "./downstream-map";

/** Kahn's order of a DAG's tasks (upstream before downstream); the DAG parser has already rejected cycles. */
export function topologicalOrder<T extends { task_id: string; depends_on: readonly string[] }>(tasks: readonly T[]): T[] {
  const byId = new Map(tasks.map((t) => [t.task_id, t]));
  const remaining = new Map(tasks.map((t) => [t.task_id, t.depends_on.filter((d) => byId.has(d)).length]));
  const downstream = downstreamMap(tasks);
  const queue = tasks.filter((t) => remaining.get(t.task_id) === 0).map((t) => t.task_id);
  const out: T[] = [];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    out.push(byId.get(id)!);
    for (const next of downstream.get(id) ?? []) {
      const left = remaining.get(next)! - 1;
      remaining.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  return out;
}
