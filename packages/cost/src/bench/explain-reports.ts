import pg from "pg";

/**
 * The heaviest dashboard queries as the report functions send them (mirrored
 * from ../reports/cost-over-time.ts and top-tasks-by-cost.ts with the
 * filters inlined: tenant + date range, no DAG or tag filter). Used only by
 * `bench:reports -- --explain` to split a slow query's time into Postgres's
 * share (EXPLAIN ANALYZE, and the plain query over node-postgres) and the
 * rest (Prisma's raw-query mapping, JS), next to the rewrite proposed for
 * them (day granularity only: the proposal for week/month groups on
 * date_trunc of the day in an outer query). Keep in step with the reports.
 */
function mirroredQueries(from: string, to: string): [string, string][] {
  const where = `r.tenant_id = $1::uuid AND r.day >= '${from}'::date AND r.day <= '${to}'::date`;
  return [
    [
      "costOverTime day, 90 days",
      `SELECT date_trunc('day', r.day::timestamp)::date AS period, r.dag_db_id::text AS "dagDbId", d.dag_id AS "dagId",
              sum(r.cost)::float8 AS cost, sum(r.tries)::int AS tries
         FROM cost_rollups r JOIN dags d ON d.id = r.dag_db_id
        WHERE ${where} GROUP BY 1, 2, 3 ORDER BY 1, 3`,
    ],
    [
      "efficiencyReport, 90 days",
      `SELECT r.dag_db_id::text AS "dagDbId", d.dag_id AS "dagId", r.task_id AS "taskId",
              sum(r.tries)::int AS tries, sum(r.cost)::float8 AS cost, sum(r.duration_seconds)::float8 AS duration,
              sum(r.cpu_seconds)::float8 AS cpu, sum(r.request_cpu_seconds)::float8 AS "requestCpu",
              sum(r.memory_byte_seconds)::float8 AS memory, sum(r.request_memory_byte_seconds)::float8 AS "requestMemory"
         FROM cost_rollups r JOIN dags d ON d.id = r.dag_db_id
        WHERE ${where} GROUP BY 1, 2, 3 ORDER BY 2, 3`,
    ],
    // The fix proposed in docs/benchmarks-reports.md: group on the raw columns (the planner then knows
    // there are about days × DAGs groups and hashes them, no 90,000-row sort) and join the DAG names after.
    [
      "proposed costOverTime day, 90 days (group on raw columns, join dags after)",
      `SELECT g.period, g.dag_db_id::text AS "dagDbId", d.dag_id AS "dagId", g.cost, g.tries
         FROM (SELECT r.day AS period, r.dag_db_id, sum(r.cost)::float8 AS cost, sum(r.tries)::int AS tries
                 FROM cost_rollups r WHERE ${where} GROUP BY r.day, r.dag_db_id) g
         JOIN dags d ON d.id = g.dag_db_id
        ORDER BY 1, 3`,
    ],
    [
      "proposed efficiencyReport, 90 days (group on raw columns, join dags after)",
      `SELECT g.dag_db_id::text AS "dagDbId", d.dag_id AS "dagId", g.task_id AS "taskId", g.tries, g.cost, g.duration,
              g.cpu, g."requestCpu", g.memory, g."requestMemory"
         FROM (SELECT r.dag_db_id, r.task_id, sum(r.tries)::int AS tries, sum(r.cost)::float8 AS cost,
                      sum(r.duration_seconds)::float8 AS duration, sum(r.cpu_seconds)::float8 AS cpu,
                      sum(r.request_cpu_seconds)::float8 AS "requestCpu", sum(r.memory_byte_seconds)::float8 AS memory,
                      sum(r.request_memory_byte_seconds)::float8 AS "requestMemory"
                 FROM cost_rollups r WHERE ${where} GROUP BY r.dag_db_id, r.task_id) g
         JOIN dags d ON d.id = g.dag_db_id
        ORDER BY 2, 3`,
    ],
  ];
}

export interface ExplainResult {
  name: string;
  /** Median ms of the plain query over node-postgres (no Prisma). */
  plainMedianMs: number;
  rows: number;
  plan: string;
}

export async function explainReports(url: string, input: { tenantId: string; from: string; to: string; repeats: number }): Promise<ExplainResult[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: ExplainResult[] = [];
    for (const [name, sql] of mirroredQueries(input.from, input.to)) {
      await client.query(sql, [input.tenantId]);
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < input.repeats; i++) {
        const t0 = performance.now();
        rows = (await client.query(sql, [input.tenantId])).rowCount ?? 0;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [input.tenantId]);
      out.push({
        name,
        plainMedianMs: times[Math.ceil(times.length / 2) - 1]!,
        rows,
        plan: plan.rows.map((r) => r["QUERY PLAN"]).join("\n"),
      });
    }
    return out;
  } finally {
    await client.end();
  }
}
