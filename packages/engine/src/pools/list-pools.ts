import type { Db } from "@updraft/db";
import { DEFAULT_POOL, DEFAULT_POOL_SLOTS } from "../admission/default-pool";

export interface PoolSummary {
  name: string;
  slots: number;
  description: string | null;
  running: number;
  queued: number;
  scheduled: number;
  /** default_pool before anyone edited it: it has no row yet. */
  implicit: boolean;
}

/** The tenant's pools with their slot use, default_pool first (always there: 128 slots until edited), then by name. */
export async function listPools(db: Db, input: { tenantId: string }): Promise<PoolSummary[]> {
  const [pools, counts] = await Promise.all([
    db.pool.findMany({ where: { tenantId: input.tenantId }, orderBy: { name: "asc" } }),
    db.taskInstance.groupBy({
      by: ["pool", "state"],
      where: { tenantId: input.tenantId, state: { in: ["RUNNING", "QUEUED", "SCHEDULED"] } },
      _count: { _all: true },
    }),
  ]);
  const count = (pool: string, state: "RUNNING" | "QUEUED" | "SCHEDULED") =>
    counts.find((c) => c.pool === pool && c.state === state)?._count._all ?? 0;
  const summaries: PoolSummary[] = pools.map((p) => ({
    name: p.name,
    slots: p.slots,
    description: p.description,
    running: count(p.name, "RUNNING"),
    queued: count(p.name, "QUEUED"),
    scheduled: count(p.name, "SCHEDULED"),
    implicit: false,
  }));
  if (!pools.some((p) => p.name === DEFAULT_POOL)) {
    summaries.push({
      name: DEFAULT_POOL,
      slots: DEFAULT_POOL_SLOTS,
      description: "Tasks without a pool run here.",
      running: count(DEFAULT_POOL, "RUNNING"),
      queued: count(DEFAULT_POOL, "QUEUED"),
      scheduled: count(DEFAULT_POOL, "SCHEDULED"),
      implicit: true,
    });
  }
  return summaries.sort((a, b) => (a.name === DEFAULT_POOL ? -1 : b.name === DEFAULT_POOL ? 1 : a.name.localeCompare(b.name)));
}
