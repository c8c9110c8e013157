import { isPlainObject, ownValue } from "./plain-object";
import type { Problem } from "./problem";
import { suggestName } from "./suggest-name";

interface TaskNode {
  index: number;
  id: string;
  /** [position in depends_on, upstream id] for ids that exist and are not the task itself */
  upstream: Array<[number, string]>;
}

function unknownTaskMessage(name: string, ids: string[]): string {
  const suggestion = suggestName(name, ids);
  if (suggestion !== undefined) return `unknown task "${name}" (did you mean "${suggestion}"?)`;
  const shown = ids.slice(0, 10).join(", ") + (ids.length > 10 ? ", …" : "");
  return `unknown task "${name}"; expected one of the task ids in this file: ${shown}`;
}

/** Strongly connected components with more than one task (Tarjan, iterative). */
function cyclicComponents(nodes: Map<string, TaskNode>, downstream: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const root of nodes.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const children = downstream.get(frame.id) ?? [];
      if (frame.next < children.length) {
        const child = children[frame.next++]!;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ id: child, next: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        for (;;) {
          const member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
          if (member === frame.id) break;
        }
        if (component.length > 1) components.push(component);
      }
    }
  }
  return components;
}

/** Shortest cycle through `start` inside `members`, as [start, …, last] (last -> start closes it). */
function cycleThrough(start: string, members: Set<string>, downstream: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head]!;
    for (const next of downstream.get(current) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [current];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return [start];
}

/**
 * Graph problems in `tasks` (raw parsed data): duplicate task ids (reported at the
 * later one), depends_on entries that name unknown tasks, the task itself or the
 * same task twice, and dependency cycles, each named in run order `a -> b -> c -> a`.
 */
export function validateGraph(tasks: unknown): Problem[] {
  if (!Array.isArray(tasks)) return [];
  const problems: Problem[] = [];
  const nodes = new Map<string, TaskNode>();
  tasks.forEach((task, index) => {
    if (!isPlainObject(task)) return;
    const id = ownValue(task, "task_id");
    if (typeof id !== "string") return;
    const first = nodes.get(id);
    if (first !== undefined) {
      problems.push({
        path: ["tasks", index, "task_id"],
        message: `duplicate task id "${id}": tasks[${first.index}] already uses it; task ids must be unique`,
      });
      return;
    }
    nodes.set(id, { index, id, upstream: [] });
  });
  const ids = [...nodes.keys()];

  tasks.forEach((task, index) => {
    if (!isPlainObject(task)) return;
    const dependsOn = ownValue(task, "depends_on");
    if (!Array.isArray(dependsOn)) return;
    const id = ownValue(task, "task_id");
    const node = typeof id === "string" ? nodes.get(id) : undefined;
    const owner = node !== undefined && node.index === index ? node : undefined;
    const seen = new Set<string>();
    dependsOn.forEach((upstream, position) => {
      if (typeof upstream !== "string") return;
      const path = ["tasks", index, "depends_on", position];
      if (seen.has(upstream)) {
        problems.push({ path, message: `task "${upstream}" is listed twice in depends_on` });
      } else if (upstream === id) {
        problems.push({ path, message: `task "${upstream}" cannot depend on itself` });
      } else if (!nodes.has(upstream)) {
        problems.push({ path, message: unknownTaskMessage(upstream, ids) });
      } else if (owner !== undefined) {
        owner.upstream.push([position, upstream]);
      }
      seen.add(upstream);
    });
  });

  const downstream = new Map<string, string[]>();
  for (const node of nodes.values()) {
    for (const [, upstream] of node.upstream) {
      const list = downstream.get(upstream) ?? [];
      list.push(node.id);
      downstream.set(upstream, list);
    }
  }
  for (const component of cyclicComponents(nodes, downstream)) {
    const start = component.reduce((a, b) => (nodes.get(a)!.index <= nodes.get(b)!.index ? a : b));
    const cycle = cycleThrough(start, new Set(component), downstream);
    const closing = cycle[cycle.length - 1]!;
    const startNode = nodes.get(start)!;
    const position = startNode.upstream.find(([, upstream]) => upstream === closing)?.[0] ?? 0;
    problems.push({
      path: ["tasks", startNode.index, "depends_on", position],
      message: `dependency cycle: ${[...cycle, start].join(" -> ")}`,
    });
  }
  return problems;
}
