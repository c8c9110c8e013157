import pg from "pg";

/** What the reports benchmark seeds: one tenant, `dags` × `tasksPerDag` tasks, `tries` tries over `days` days. */
export interface SeedShape {
  dags: number;
  tasksPerDag: number;
  tries: number;
  days: number;
  /** Tries written per INSERT (progress is reported after each batch). */
  batch: number;
}

export const DEFAULT_SEED_SHAPE: SeedShape = { dags: 50, tasksPerDag: 20, tries: 1_000_000, days: 90, batch: 100_000 };

export interface SeededData {
  tenantId: string;
  dagDbIds: string[];
  /** A task instance with two tries (taskTryCosts' input). */
  taskInstanceId: string;
  tries: number;
  rollups: number;
  /** [first, last] UTC day holding tries. */
  firstDay: string;
  lastDay: string;
  seedMs: number;
}

const TAGS = ["team-a", "team-b", "team-c", "ml", "etl"];

/**
 * Seeds the cost data with bulk SQL (generate_series), not through the
 * services: runs of `tasksPerDag` task instances (one try each, except every
 * 10th run's first task which has two), spread evenly over the `days` days
 * that end an hour before `now`, with requests, usage and the OpenCost cost at
 * the default prices; then the per task per day rollups from those tries in
 * one INSERT … SELECT … GROUP BY, and ANALYZE.
 * Ids are md5-derived so the run, task instance and try statements need no joins.
 */
export async function seedCostData(
  url: string,
  shape: SeedShape,
  now: Date,
  progress: (text: string) => void,
): Promise<SeededData> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { tasksPerDag: width, dags } = shape;
    // Every 10th run's task 0 has a second try: tries = runs × width + runs / 10.
    const runs = Math.ceil(shape.tries / (width + 0.1));
    const spanSeconds = shape.days * 86_400;
    const slotSeconds = spanSeconds / Math.ceil(runs / dags);
    const start = new Date(now.getTime() - spanSeconds * 1000 - 3_600_000);

    const tenant = await client.query<{ id: string }>(
      `INSERT INTO tenants (id, slug, name, monthly_budget, updated_at)
       VALUES (gen_random_uuid(), 'bench', 'Bench', 25000, now()) RETURNING id`,
    );
    const tenantId = tenant.rows[0]!.id;
    await client.query(
      `CREATE TEMP TABLE bench_dags AS
       SELECT g AS dag_no, gen_random_uuid() AS id, gen_random_uuid() AS version_id, 'dag_' || lpad(g::text, 2, '0') AS dag_id
         FROM generate_series(0, $1::int - 1) g`,
      [dags],
    );
    await client.query(
      `INSERT INTO dags (id, tenant_id, dag_id, updated_at) SELECT id, $1::uuid, dag_id, now() FROM bench_dags`,
      [tenantId],
    );
    await client.query(
      `INSERT INTO dag_versions (id, dag_db_id, version, file_name, source_text, sha256, spec)
       SELECT b.version_id, b.id, 1, b.dag_id || '.yaml', '', repeat('0', 64),
              jsonb_build_object('dag_id', b.dag_id, 'tags', jsonb_build_array(($2::text[])[1 + b.dag_no % array_length($2::text[], 1)]),
                'tasks', (SELECT jsonb_agg(jsonb_build_object('task_id', 'task_' || lpad(j::text, 2, '0'))) FROM generate_series(0, $1::int - 1) j))
         FROM bench_dags b`,
      [width, TAGS],
    );
    await client.query(`UPDATE dags d SET current_version_id = b.version_id FROM bench_dags b WHERE b.id = d.id`);

    // One row per (run n, task j, try k) with its derived times, request, usage and cost.
    // $1 tenant, $2 first run, $3 last run + 1, $4 start, $5 slot seconds, $6 dags, $7 width.
    const values = `
      SELECT $1::uuid AS tenant_id, n, j, k, v.*,
             round((v.dur / 3600.0 * (greatest(v.cpu_m / 1000.0, v.cpu_s / v.dur) * 0.031611
                  + greatest(v.mem, v.mem_avg) / 1073741824.0 * 0.004237 + v.gpus * 0.95))::numeric, 6) AS cost
        FROM generate_series($2::int, $3::int - 1) n
       CROSS JOIN generate_series(0, $7::int - 1) j
       CROSS JOIN LATERAL generate_series(1, CASE WHEN j = 0 AND n % 10 = 0 THEN 2 ELSE 1 END) k
       CROSS JOIN LATERAL (SELECT n % $6::int AS d,
                                  $4::timestamptz + make_interval(secs => (n / $6::int) * $5::float8 + (n % $6::int) * 60) AS run_at) r
       CROSS JOIN LATERAL (SELECT r.d, r.run_at,
              r.run_at + make_interval(secs => j * 90 + (k - 1) * 600) AS t_start,
              (60 + (n * 7919 + j * 104729 + k * 13) % 1200)::float8 AS dur,
              250 * (1 + (r.d + j) % 8) AS cpu_m,
              268435456::bigint * (1 + (r.d * 7 + j) % 4) AS mem,
              CASE WHEN j = $7::int - 1 AND r.d < 5 THEN 1 ELSE 0 END AS gpus) b
       CROSS JOIN LATERAL (SELECT b.*,
              b.dur * b.cpu_m / 1000.0 * (0.1 + ((b.d * 3 + j * 7) % 13) / 10.0) AS cpu_s,
              (b.mem * (0.2 + ((b.d + j * 3) % 9) / 10.0))::bigint AS mem_avg) v`;
    const params = (lo: number, hi: number) => [tenantId, lo, hi, start, slotSeconds, dags, width];

    let tries = 0;
    const runsPerBatch = Math.max(1, Math.floor(shape.batch / width));
    for (let lo = 0; lo < runs; lo += runsPerBatch) {
      const hi = Math.min(runs, lo + runsPerBatch);
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO dag_runs (id, tenant_id, dag_db_id, dag_version_id, run_id, run_type, state, logical_date,
                               data_interval_start, data_interval_end, conf, created_at, started_at, ended_at)
         SELECT md5('run' || n)::uuid, $1::uuid, bd.id, bd.version_id, 'scheduled__' || n, 'SCHEDULED',
                (CASE WHEN n % 37 = 0 THEN 'FAILED' ELSE 'SUCCESS' END)::"DagRunState",
                r.run_at, r.run_at - interval '1 day', r.run_at, '{}', r.run_at, r.run_at, r.run_at + interval '1 hour'
           FROM generate_series($2::int, $3::int - 1) n
           CROSS JOIN LATERAL (SELECT $4::timestamptz + make_interval(secs => (n / $6::int) * $5::float8 + (n % $6::int) * 60) AS run_at) r
           JOIN bench_dags bd ON bd.dag_no = n % $6::int
          WHERE $7::int > 0`,
        params(lo, hi),
      );
      await client.query(
        `INSERT INTO task_instances (id, tenant_id, dag_run_id, task_id, state, try_number, max_tries, queued_at, started_at,
                                     ended_at, exit_code, request_cpu_millis, request_memory_bytes, request_gpus, created_at, updated_at)
         SELECT md5('ti' || n || '.' || j)::uuid, $1::uuid, md5('run' || n)::uuid, 'task_' || lpad(j::text, 2, '0'), 'SUCCESS',
                max(k), 2, min(t_start), max(t_start), max(t_start + make_interval(secs => dur)), 0,
                min(cpu_m), min(mem), min(gpus), min(run_at), max(t_start + make_interval(secs => dur))
           FROM (${values}) x GROUP BY n, j`,
        params(lo, hi),
      );
      await client.query(
        `INSERT INTO task_tries (id, task_instance_id, try_number, state, queued_at, started_at, ended_at, exit_code,
                                 request_cpu_millis, request_memory_bytes, request_gpus, cpu_seconds, memory_avg_bytes,
                                 memory_peak_bytes, gpu_seconds, cost, cost_currency)
         SELECT md5('try' || n || '.' || j || '.' || k)::uuid, md5('ti' || n || '.' || j)::uuid, k,
                (CASE WHEN k = 1 AND j = 0 AND n % 10 = 0 THEN 'FAILED' ELSE 'SUCCESS' END)::"TaskState",
                t_start, t_start, t_start + make_interval(secs => dur), CASE WHEN k = 1 AND j = 0 AND n % 10 = 0 THEN 1 ELSE 0 END,
                cpu_m, mem, gpus, cpu_s, mem_avg, (mem_avg * 1.3)::bigint, gpus * dur, cost, 'USD'
           FROM (${values}) x`,
        params(lo, hi),
      );
      await client.query("COMMIT");
      tries += hi * width + Math.ceil(hi / 10) - (lo * width + Math.ceil(lo / 10));
      progress(`seeded ${tries.toLocaleString("en-US")} / ${(runs * width + Math.ceil(runs / 10)).toLocaleString("en-US")} tries`);
    }

    // The rollups, consistent with the tries (finalizeTryUsage's formulas, per UTC day the try ended).
    const rollups = await client.query(
      `INSERT INTO cost_rollups (tenant_id, dag_db_id, task_id, day, tries, cost, duration_seconds, cpu_seconds,
                                 request_cpu_seconds, memory_byte_seconds, request_memory_byte_seconds, gpu_seconds)
       SELECT ti.tenant_id, r.dag_db_id, ti.task_id, (tt.ended_at AT TIME ZONE 'UTC')::date, count(*), sum(tt.cost),
              sum(s.dur), sum(tt.cpu_seconds), sum(tt.request_cpu_millis / 1000.0 * s.dur),
              sum(tt.memory_avg_bytes * s.dur), sum(tt.request_memory_bytes * s.dur), sum(tt.gpu_seconds)
         FROM task_tries tt
         JOIN task_instances ti ON ti.id = tt.task_instance_id
         JOIN dag_runs r ON r.id = ti.dag_run_id
        CROSS JOIN LATERAL (SELECT extract(epoch FROM tt.ended_at - tt.started_at)::float8 AS dur) s
        WHERE ti.tenant_id = $1::uuid
        GROUP BY 1, 2, 3, 4`,
      [tenantId],
    );
    progress(`rolled up into ${rollups.rowCount?.toLocaleString("en-US")} cost_rollups rows; analyzing`);
    await client.query("VACUUM ANALYZE");

    const span = await client.query<{ first: string; last: string; tries: string }>(
      `SELECT min(day)::text AS first, max(day)::text AS last, (SELECT count(*) FROM task_tries)::text AS tries FROM cost_rollups`,
    );
    const dagRows = await client.query<{ id: string }>(`SELECT id FROM bench_dags ORDER BY dag_no`);
    // The newest run of dag_00 whose first task was retried (n % 10 = 0 and n % dags = 0).
    const retried = await client.query<{ id: string }>(
      `SELECT ti.id FROM task_instances ti WHERE ti.try_number = 2 AND ti.dag_run_id IN
         (SELECT id FROM dag_runs WHERE dag_db_id = $1::uuid ORDER BY created_at DESC LIMIT 50)
       ORDER BY ti.created_at DESC LIMIT 1`,
      [dagRows.rows[0]!.id],
    );
    return {
      tenantId,
      dagDbIds: dagRows.rows.map((r) => r.id),
      taskInstanceId: retried.rows[0]!.id,
      tries: Number(span.rows[0]!.tries),
      rollups: rollups.rowCount ?? 0,
      firstDay: span.rows[0]!.first,
      lastDay: span.rows[0]!.last,
      seedMs: performance.now() - started,
    };
  } finally {
    await client.end();
  }
}
