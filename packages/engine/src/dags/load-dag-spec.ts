import type { DagSpec } from "@updraft/dag";
import type { DbOrTx } from "@updraft/db";
import { readDagSpec } from "./read-dag-spec";

/** DAG versions are immutable, so their parsed specs are cached per process (most recently used kept). */
const MAX_CACHED_SPECS = 512;
const cache = new Map<string, DagSpec>();
const taskOrders = new WeakMap<DagSpec, Map<string, number>>();

/** The spec of a DAG version, read once per process: the scheduler's hot path does not re-read the JSON. */
export async function loadDagSpec(db: DbOrTx, dagVersionId: string): Promise<DagSpec> {
  const hit = cache.get(dagVersionId);
  if (hit) {
    cache.delete(dagVersionId);
    cache.set(dagVersionId, hit);
    return hit;
  }
  const version = await db.dagVersion.findUnique({ where: { id: dagVersionId }, select: { spec: true } });
  if (!version) throw new Error(`DAG version ${dagVersionId} does not exist`);
  const spec = readDagSpec(version.spec);
  cache.set(dagVersionId, spec);
  if (cache.size > MAX_CACHED_SPECS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return spec;
}

/** A task's position in its DAG file (admission's last tie-breaker). */
export function taskOrderOf(spec: DagSpec, taskId: string): number {
  let orders = taskOrders.get(spec);
  if (!orders) {
    orders = new Map(spec.tasks.map((t, i) => [t.task_id, i]));
    taskOrders.set(spec, orders);
  }
  return orders.get(taskId) ?? spec.tasks.length;
}
