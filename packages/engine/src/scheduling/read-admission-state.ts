import type { Tx } from "@updraft/db";
import { DEFAULT_POOL, DEFAULT_POOL_SLOTS, effectivePoolSlots } from "../pools/default-pool";
import { CANDIDATE_COLUMNS, CANDIDATE_ORDER, toCandidatePage, type CandidatePage, type CandidateRow } from "./read-admission-candidates";

/** A tenant's slot use, as admission needs it. */
export interface SlotUsage {
  /** Slots of the pools that exist among those in use or wanted. */
  poolSlots: Map<string, number>;
  poolActive: Map<string, number>;
  poolScheduled: Map<string, number>;
  dagActive: Map<string, number>;
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
}

/** Candidates read beyond the free slots, in case some are held back by their DAG's max_active_tasks. */
const CANDIDATE_MARGIN = 16;

/**
 * One round trip for admission's inputs: QUEUED + RUNNING task instances per
 * pool and per DAG, SCHEDULED ones per pool, the pools' slots, and the first
 * page of candidates from the pools that have free slots (about as many as
 * there are free slots, at most `maxPageSize`).
 */
export async function readAdmissionState(
  tx: Tx,
  tenantId: string,
  maxPageSize: number,
): Promise<{ usage: SlotUsage; freePools: string[]; firstPage: CandidatePage; firstPageLimit: number }> {
  const [row] = await tx.$queryRawUnsafe<{ active: ActiveRow[]; pools: PoolRow[]; candidates: CandidateRow[]; pageLimit: number }[]>(
    `WITH active AS (
       SELECT ti.pool, r.dag_db_id AS "dagDbId", count(*)::int AS active
         FROM task_instances ti
         JOIN dag_runs r ON r.id = ti.dag_run_id
        WHERE ti.tenant_id = $1::uuid AND ti.state IN ('QUEUED', 'RUNNING')
        GROUP BY ti.pool, r.dag_db_id
     ), waiting AS (
       SELECT pool, count(*)::int AS scheduled
         FROM task_instances
        WHERE tenant_id = $1::uuid AND state = 'SCHEDULED'
        GROUP BY pool
     ), pools_in_play AS (
       SELECT p.pool, pl.slots, COALESCE(a.active, 0)::int AS active, COALESCE(w.scheduled, 0)::int AS scheduled
         FROM (SELECT pool FROM active UNION SELECT pool FROM waiting) p
         LEFT JOIN (SELECT pool, sum(active) AS active FROM active GROUP BY pool) a ON a.pool = p.pool
         LEFT JOIN waiting w ON w.pool = p.pool
         LEFT JOIN pools pl ON pl.tenant_id = $1::uuid AND pl.name = p.pool
     ), free_pools AS (
       SELECT pool, COALESCE(slots, CASE WHEN pool = $2 THEN $3::int END) - active AS free
         FROM pools_in_play
        WHERE scheduled > 0 AND active < COALESCE(slots, CASE WHEN pool = $2 THEN $3::int END)
     ), page AS (
       SELECT LEAST($4::int, COALESCE(sum(free), 0)::int + $5::int) AS page_limit FROM free_pools
     )
     SELECT COALESCE((SELECT json_agg(a) FROM active a), '[]'::json) AS active,
            COALESCE((SELECT json_agg(p) FROM pools_in_play p), '[]'::json) AS pools,
            (SELECT page_limit FROM page) AS "pageLimit",
            COALESCE((SELECT json_agg(c) FROM (
              SELECT ${CANDIDATE_COLUMNS}
                FROM task_instances ti
                JOIN dag_runs r ON r.id = ti.dag_run_id
                JOIN dags d ON d.id = r.dag_db_id
               WHERE ti.tenant_id = $1::uuid AND ti.state = 'SCHEDULED' AND r.state = 'RUNNING'
                 AND ti.pool IN (SELECT pool FROM free_pools)
               ORDER BY ${CANDIDATE_ORDER}
               LIMIT (SELECT page_limit FROM page)
            ) c), '[]'::json) AS candidates`,
    tenantId,
    DEFAULT_POOL,
    DEFAULT_POOL_SLOTS,
    maxPageSize,
    CANDIDATE_MARGIN,
  );
  const usage: SlotUsage = { poolSlots: new Map(), poolActive: new Map(), poolScheduled: new Map(), dagActive: new Map() };
  for (const p of row?.pools ?? []) {
    const slots = effectivePoolSlots(p.pool, p.slots);
    if (slots !== undefined) usage.poolSlots.set(p.pool, slots);
    usage.poolActive.set(p.pool, p.active);
    usage.poolScheduled.set(p.pool, p.scheduled);
  }
  for (const a of row?.active ?? []) add(usage.dagActive, a.dagDbId, a.active);
  const freePools = [...usage.poolScheduled.entries()]
    .filter(([pool, scheduled]) => {
      const slots = usage.poolSlots.get(pool);
      return scheduled > 0 && slots !== undefined && (usage.poolActive.get(pool) ?? 0) < slots;
    })
    .map(([pool]) => pool);
  return {
    usage,
    freePools,
    firstPage: await toCandidatePage(tx, row?.candidates ?? []),
    firstPageLimit: row?.pageLimit ?? 0,
  };
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}
