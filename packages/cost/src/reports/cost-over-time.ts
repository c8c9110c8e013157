import { type DbOrTx } from "@updraft/db";
import { rollupConditions, roundMoney, type CostGranularity, type CostReportFilters, type IsoDay } from "./report-filters";

export interface CostOverTimeRow {
  /** First UTC day of the period (Monday for weeks, the 1st for months). */
  period: IsoDay;
  dagDbId: string;
  dagId: string;
  cost: number;
  tries: number;
}

export interface CostOverTime {
  granularity: CostGranularity;
  rows: CostOverTimeRow[];
  /** Every DAG that appears, most expensive first (the chart's stacking order). */
  dags: { dagDbId: string; dagId: string; cost: number }[];
  total: number;
  tries: number;
}

/** Cost per period (day, week or month) and DAG, from the daily rollups. */
export async function costOverTime(
  db: DbOrTx,
  input: { filters: CostReportFilters; granularity: CostGranularity },
): Promise<CostOverTime> {
  const rows = await db.$queryRaw<{ period: Date; dagDbId: string; dagId: string; cost: number; tries: number }[]>`
    SELECT s.period::date AS period, s.dag_db_id::text AS "dagDbId", d.dag_id AS "dagId",
           s.cost::float8 AS cost, s.tries::int AS tries
      FROM (
        -- Grouped on the raw columns first (a good estimate of few groups, a hash
        -- aggregate in memory), then joined to the DAGs' names.
        SELECT date_trunc(${input.granularity}, r.day::timestamp) AS period, r.dag_db_id,
               sum(r.cost) AS cost, sum(r.tries) AS tries
          FROM cost_rollups r
         WHERE ${rollupConditions(input.filters)}
         GROUP BY 1, 2
      ) s JOIN dags d ON d.id = s.dag_db_id
     ORDER BY 1, 3`;
  const byDag = new Map<string, { dagDbId: string; dagId: string; cost: number }>();
  let total = 0;
  let tries = 0;
  const out = rows.map((row) => {
    const dag = byDag.get(row.dagDbId) ?? { dagDbId: row.dagDbId, dagId: row.dagId, cost: 0 };
    dag.cost += row.cost;
    byDag.set(row.dagDbId, dag);
    total += row.cost;
    tries += row.tries;
    return { period: row.period.toISOString().slice(0, 10), dagDbId: row.dagDbId, dagId: row.dagId, cost: roundMoney(row.cost), tries: row.tries };
  });
  return {
    granularity: input.granularity,
    rows: out,
    dags: [...byDag.values()].map((d) => ({ ...d, cost: roundMoney(d.cost) })).sort((a, b) => b.cost - a.cost || a.dagId.localeCompare(b.dagId)),
    total: roundMoney(total),
    tries,
  };
}
