import type { Db } from "@updraft/db";

/** Every task instance state, so each has a series (0 when none) and a state that empties is seen to. */
export const TASK_STATES = ["NONE", "SCHEDULED", "QUEUED", "RUNNING", "SUCCESS", "FAILED", "UP_FOR_RETRY", "UPSTREAM_FAILED", "SKIPPED"] as const;

/** Task instances by state, across every tenant (one GROUP BY, served by the (state, updated_at) index). */
export async function countTaskInstancesByState(db: Db): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ state: string; n: number }[]>`
    SELECT state::text AS state, count(*)::int AS n FROM task_instances GROUP BY state`;
  return new Map(rows.map((r) => [r.state, r.n]));
}

export interface TenantTaskUsage {
  tenant: string;
  /** Task instances QUEUED or RUNNING: what admission counts against the limit. */
  running: number;
  /** How many may be QUEUED or RUNNING at once: the lower of max_concurrent_tasks and the pod quota, as admission applies it. */
  maxConcurrent: number;
}

/** Per tenant: its active task instances and its concurrency limit (one query, served by the (tenant_id, state) index). */
export async function readTenantTaskUsage(db: Db): Promise<TenantTaskUsage[]> {
  return db.$queryRaw<TenantTaskUsage[]>`
    SELECT t.slug AS tenant, LEAST(t.max_concurrent_tasks, t.quota_pods)::int AS "maxConcurrent",
           (SELECT count(*) FROM task_instances ti WHERE ti.tenant_id = t.id AND ti.state IN ('QUEUED', 'RUNNING'))::int AS running
      FROM tenants t`;
}
