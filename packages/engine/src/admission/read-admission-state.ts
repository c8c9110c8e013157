import type { Tx } from "@updraft/db";
import {
  DEFAULT_REQUEST_CPU_MILLIS,
  DEFAULT_REQUEST_MEMORY_BYTES,
  sumQuotaUse,
  type QuotaLimits,
  type QuotaUse,
  type RequestGroup,
  type StoredTaskRequest,
} from "../decisions/task-request";
import { DEFAULT_POOL, DEFAULT_POOL_SLOTS, effectivePoolSlots } from "./default-pool";
import { quotaLimitsOf, tenantQuotaOf } from "../tenants/tenant-quota";
import { CANDIDATE_COLUMNS, CANDIDATE_ORDER, toCandidatePage, type CandidatePage, type CandidateRow } from "./read-admission-candidates";

/** A tenant's slot use, as admission needs it. */
export interface SlotUsage {
  /** Slots of the pools that exist among those in use or wanted. */
  poolSlots: Map<string, number>;
  poolActive: Map<string, number>;
  poolScheduled: Map<string, number>;
  dagActive: Map<string, number>;
}

/** Everything admission reads before planning. */
export interface AdmissionState {
  usage: SlotUsage;
  /** Pools with SCHEDULED tasks and free slots: admission's candidates come from these. */
  freePools: string[];
  quota: QuotaLimits;
  /** What the tenant's QUEUED + RUNNING tasks hold of the quota. */
  quotaUsed: QuotaUse;
  /** The smallest request (per resource) among the SCHEDULED tasks of the free pools. */
  smallestRequest: StoredTaskRequest;
  firstPage: CandidatePage;
  firstPageLimit: number;
}

interface ActiveRow {
  pool: string;
  dagDbId: string;
  active: number;
}

interface PoolRow {
  pool: string;
  slots: number | null;
  active: number;
  scheduled: number;
  minCpuMillis: number | null;
  minMemoryBytes: number | null;
  minGpus: number | null;
}

interface TenantRow {
  quotaCpu: string;
  quotaMemory: string;
  quotaGpus: number;
  quotaPods: number;
  maxConcurrentTasks: number;
}

interface StateRow {
  tenant: TenantRow | null;
  active: ActiveRow[];
  requests: RequestGroup[];
  pools: PoolRow[];
  candidates: CandidateRow[];
  pageLimit: number;
}

/** Candidates read beyond the free slots, in case some are held back by their DAG's max_active_tasks or the quota. */
const CANDIDATE_MARGIN = 16;

/**
 * One round trip for admission's inputs: the tenant's quota, its QUEUED +
 * RUNNING task instances per pool, per DAG and per resource request,
 * SCHEDULED ones per pool (with their smallest requests), the pools' slots,
 * and the first page of candidates from the pools that have free slots
 * (about as many as there are free slots and free task slots, at most
 * `maxPageSize`; none when the tenant runs as many tasks as its quota
 * allows). Null when the tenant does not exist.
 */
export async function readAdmissionState(tx: Tx, tenantId: string, maxPageSize: number): Promise<AdmissionState | null> {
  const [row] = await tx.$queryRawUnsafe<StateRow[]>(
    `WITH active_groups AS (
       SELECT ti.pool, r.dag_db_id AS dag_db_id, ti.request_cpu_millis, ti.request_memory_bytes, ti.request_gpus,
              count(*)::int AS n
         FROM task_instances ti
         JOIN dag_runs r ON r.id = ti.dag_run_id
        WHERE ti.tenant_id = $1::uuid AND ti.state IN ('QUEUED', 'RUNNING')
        GROUP BY ti.pool, r.dag_db_id, ti.request_cpu_millis, ti.request_memory_bytes, ti.request_gpus
     ), active AS (
       SELECT pool, dag_db_id AS "dagDbId", sum(n)::int AS active FROM active_groups GROUP BY pool, dag_db_id
     ), requests AS (
       SELECT request_cpu_millis AS "cpuMillis", request_memory_bytes::float8 AS "memoryBytes", request_gpus AS gpus,
              sum(n)::int AS count
         FROM active_groups
        GROUP BY request_cpu_millis, request_memory_bytes, request_gpus
     ), tenant AS (
       SELECT quota_cpu AS "quotaCpu", quota_memory AS "quotaMemory", quota_gpus AS "quotaGpus",
              quota_pods AS "quotaPods", max_concurrent_tasks AS "maxConcurrentTasks",
              LEAST(max_concurrent_tasks, quota_pods) - COALESCE((SELECT sum(n) FROM active_groups), 0)::int AS free_tasks
         FROM tenants WHERE id = $1::uuid
     ), waiting AS (
       SELECT pool, count(*)::int AS scheduled,
              min(COALESCE(request_cpu_millis, $6::int))::int AS "minCpuMillis",
              min(COALESCE(request_memory_bytes, $7::bigint))::float8 AS "minMemoryBytes",
              min(request_gpus)::int AS "minGpus"
         FROM task_instances
        WHERE tenant_id = $1::uuid AND state = 'SCHEDULED'
        GROUP BY pool
     ), pools_in_play AS (
       SELECT p.pool, pl.slots, COALESCE(a.active, 0)::int AS active, COALESCE(w.scheduled, 0)::int AS scheduled,
              w."minCpuMillis", w."minMemoryBytes", w."minGpus"
         FROM (SELECT pool FROM active UNION SELECT pool FROM waiting) p
         LEFT JOIN (SELECT pool, sum(active) AS active FROM active GROUP BY pool) a ON a.pool = p.pool
         LEFT JOIN waiting w ON w.pool = p.pool
         LEFT JOIN pools pl ON pl.tenant_id = $1::uuid AND pl.name = p.pool
     ), free_pools AS (
       SELECT pool, COALESCE(slots, CASE WHEN pool = $2 THEN $3::int END) - active AS free
         FROM pools_in_play
        WHERE scheduled > 0 AND active < COALESCE(slots, CASE WHEN pool = $2 THEN $3::int END)
     ), page AS (
       SELECT CASE WHEN t.free_tasks <= 0 THEN 0
                   ELSE LEAST($4::int, LEAST(COALESCE(sum(f.free), 0)::int, t.free_tasks) + $5::int) END AS page_limit
         FROM tenant t LEFT JOIN free_pools f ON true
        GROUP BY t.free_tasks
     )
     SELECT (SELECT row_to_json(t) FROM (SELECT "quotaCpu", "quotaMemory", "quotaGpus", "quotaPods", "maxConcurrentTasks" FROM tenant) t) AS tenant,
            COALESCE((SELECT json_agg(a) FROM active a), '[]'::json) AS active,
            COALESCE((SELECT json_agg(q) FROM requests q), '[]'::json) AS requests,
            COALESCE((SELECT json_agg(p) FROM pools_in_play p), '[]'::json) AS pools,
            COALESCE((SELECT page_limit FROM page), 0) AS "pageLimit",
            COALESCE((SELECT json_agg(c) FROM (
              SELECT ${CANDIDATE_COLUMNS}
                FROM task_instances ti
                JOIN dag_runs r ON r.id = ti.dag_run_id
                JOIN dags d ON d.id = r.dag_db_id
               WHERE ti.tenant_id = $1::uuid AND ti.state = 'SCHEDULED' AND r.state = 'RUNNING'
                 AND ti.pool IN (SELECT pool FROM free_pools)
               ORDER BY ${CANDIDATE_ORDER}
               LIMIT COALESCE((SELECT page_limit FROM page), 0)
            ) c), '[]'::json) AS candidates`,
    tenantId,
    DEFAULT_POOL,
    DEFAULT_POOL_SLOTS,
    maxPageSize,
    CANDIDATE_MARGIN,
    DEFAULT_REQUEST_CPU_MILLIS,
    DEFAULT_REQUEST_MEMORY_BYTES,
  );
  if (!row?.tenant) return null;
  const quota = quotaLimitsOf(tenantQuotaOf(row.tenant));
  const usage: SlotUsage = { poolSlots: new Map(), poolActive: new Map(), poolScheduled: new Map(), dagActive: new Map() };
  for (const p of row.pools) {
    const slots = effectivePoolSlots(p.pool, p.slots);
    if (slots !== undefined) usage.poolSlots.set(p.pool, slots);
    usage.poolActive.set(p.pool, p.active);
    usage.poolScheduled.set(p.pool, p.scheduled);
  }
  for (const a of row.active) add(usage.dagActive, a.dagDbId, a.active);
  const freePools = [...usage.poolScheduled.entries()]
    .filter(([pool, scheduled]) => {
      const slots = usage.poolSlots.get(pool);
      return scheduled > 0 && slots !== undefined && (usage.poolActive.get(pool) ?? 0) < slots;
    })
    .map(([pool]) => pool);
  return {
    usage,
    freePools,
    quota,
    quotaUsed: sumQuotaUse(row.requests, quota),
    smallestRequest: smallestRequestOf(row.pools.filter((p) => freePools.includes(p.pool))),
    firstPage: await toCandidatePage(tx, row.candidates),
    firstPageLimit: row.pageLimit,
  };
}

function smallestRequestOf(pools: readonly PoolRow[]): StoredTaskRequest {
  const min = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length > 0 ? Math.min(...known) : null;
  };
  return {
    cpuMillis: min(pools.map((p) => p.minCpuMillis)),
    memoryBytes: min(pools.map((p) => p.minMemoryBytes)),
    gpus: min(pools.map((p) => p.minGpus)) ?? 0,
  };
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}
