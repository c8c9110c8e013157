import type { DbOrTx } from "@updraft/db";
import { rollupConditions, roundMoney, type CostReportFilters } from "./report-filters";

export interface TopTaskCost {
  dagDbId: string;
  dagId: string;
  taskId: string;
  tries: number;
  cost: number;
  /** Its share of the cost of everything the filters select (0..1). */
  share: number;
  durationSeconds: number;
}

/** The tasks that cost most in the selection, most expensive first. */
export async function topTasksByCost(db: DbOrTx, input: { filters: CostReportFilters; limit?: number }): Promise<TopTaskCost[]> {
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? 20)), 500);
  const rows = await db.$queryRaw<Omit<TopTaskCost, "share">[]>`
    SELECT s.dag_db_id::text AS "dagDbId", d.dag_id AS "dagId", s.task_id AS "taskId",
           s.tries::int AS tries, s.cost::float8 AS cost, s.duration::float8 AS "durationSeconds"
      FROM (
        -- Grouped on the raw columns first, then joined to the DAGs' names (see costOverTime).
        SELECT r.dag_db_id, r.task_id, sum(r.tries) AS tries, sum(r.cost) AS cost, sum(r.duration_seconds) AS duration
          FROM cost_rollups r
         WHERE ${rollupConditions(input.filters)}
         GROUP BY 1, 2
      ) s JOIN dags d ON d.id = s.dag_db_id
     ORDER BY 5 DESC, 2, 3
     LIMIT ${limit}`;
  const totals = await db.$queryRaw<{ total: number }[]>`
    SELECT COALESCE(sum(r.cost), 0)::float8 AS total FROM cost_rollups r WHERE ${rollupConditions(input.filters)}`;
  const total = totals[0]?.total ?? 0;
  return rows.map((row) => ({ ...row, cost: roundMoney(row.cost), share: total > 0 ? row.cost / total : 0 }));
}
