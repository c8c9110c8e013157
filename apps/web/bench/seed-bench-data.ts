import { createHash, randomUUID } from "node:crypto";
import { parseDagFile } from "@updraft/dag";
import type { Db, Prisma } from "@updraft/db";
import { BENCH_TASK_IDS, benchDagFileName, benchDagSource } from "./bench-dag-source";

/** What the web benchmark seeds into the demo tenant. */
export interface BenchSeedShape {
  dags: number;
  /** Runs per DAG (daily, newest last); every DAG has BENCH_TASK_IDS.length tasks. */
  runsPerDag: number;
  /** Roughly one task instance in this many gets a stored log for its current try. */
  logEvery: number;
  /** Log chunks (one line each) per logged try. */
  logLines: number;
}

/** 1,000 DAGs × 10 runs × 10 tasks = 100,000 task instances; ~2,000 logged tries × 200 lines. */
export const FULL_SEED_SHAPE: BenchSeedShape = { dags: 1000, runsPerDag: 10, logEvery: 50, logLines: 200 };

export interface BenchSeedCounts {
  dags: number;
  dagVersions: number;
  runs: number;
  taskInstances: number;
  taskTries: number;
  loggedTries: number;
  logLines: number;
}

export interface BenchSeedResult {
  counts: BenchSeedCounts;
  seedMs: number;
}

/** Layer of each task in the graph (0 = extract … 7 = notify): drives the made-up timings. */
const TASK_LAYER = [0, 1, 2, 2, 2, 3, 4, 5, 6, 7];
/** The task that fails in failed runs (quality_check); the tasks after it are upstream_failed. */
const FAILING_LAYER = 5;
/** The layer that is running in running runs (join); earlier layers succeeded, later ones wait. */
const RUNNING_LAYER = 3;

/** DAGs are inserted this many per statement (createMany, like the app's upload but in bulk). */
const DAG_BATCH = 250;
/** Task instances, tries and logs are inserted for this many DAGs per statement (progress after each). */
const RUN_BATCH_DAGS = 100;

const sqlTextArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]::text[]`;
const sqlIntArray = (values: readonly number[]) => `ARRAY[${values.map((v) => Math.trunc(v)).join(",")}]::int[]`;

/**
 * Seeds `shape` into the tenant: each DAG stored as a real upload would be
 * (the parsed spec of its YAML source as version 1, the current version),
 * then daily runs with one task instance per task in mixed states (successes,
 * retried successes, failed runs with upstream_failed tasks, running runs
 * with waiting tasks), their tries with rendered commands, and log lines for a
 * sample of tries. Volume goes in with INSERT … SELECT (generate_series).
 */
export async function seedBenchData(
  db: Db,
  input: { tenantId: string; adminId: string; shape: BenchSeedShape; now: Date },
  progress: (text: string) => void,
): Promise<BenchSeedResult> {
  const started = performance.now();
  const { tenantId, adminId, shape } = input;
  const tenant = `'${tenantId}'::uuid`;
  const admin = `'${adminId}'::uuid`;
  const today = new Date(Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), input.now.getUTCDate()));
  const nowSql = `'${input.now.toISOString()}'::timestamptz`;
  const todaySql = `'${today.toISOString()}'::timestamptz`;
  const tomorrow = new Date(today.getTime() + 86_400_000);

  // 1. DAGs and their first version, as storeDagVersion stores them.
  for (let lo = 0; lo < shape.dags; lo += DAG_BATCH) {
    const hi = Math.min(shape.dags, lo + DAG_BATCH);
    const dags: Prisma.DagCreateManyInput[] = [];
    const versions: Prisma.DagVersionCreateManyInput[] = [];
    for (let n = lo; n < hi; n++) {
      const source = benchDagSource(n);
      const parsed = parseDagFile(benchDagFileName(n), source);
      if (!parsed.ok) throw new Error(`bench DAG ${n} does not parse: ${JSON.stringify(parsed.errors)}`);
      const dagDbId = randomUUID();
      dags.push({
        id: dagDbId,
        tenantId,
        dagId: parsed.spec.dag_id,
        schedule: parsed.spec.schedule,
        timezone: parsed.spec.timezone,
        nextRunAt: tomorrow,
      });
      versions.push({
        id: randomUUID(),
        dagDbId,
        version: 1,
        fileName: benchDagFileName(n),
        sourceText: source,
        sha256: createHash("sha256").update(source).digest("hex"),
        spec: parsed.spec as unknown as Prisma.InputJsonValue,
        createdById: adminId,
      });
    }
    await db.dag.createMany({ data: dags });
    await db.dagVersion.createMany({ data: versions });
    progress(`DAGs ${hi.toLocaleString("en-US")} / ${shape.dags.toLocaleString("en-US")}`);
  }
  await db.$executeRawUnsafe(
    `UPDATE dags d SET current_version_id = v.id FROM dag_versions v WHERE v.dag_db_id = d.id AND v.version = 1 AND d.tenant_id = ${tenant}`,
  );

  // 2. Runs: daily, newest last; the newest run of every 10th DAG is running,
  //    one run of every 7th DAG failed, one run per DAG was triggered by hand.
  const runs = shape.runsPerDag;
  await db.$executeRawUnsafe(`
    INSERT INTO dag_runs (id, tenant_id, dag_db_id, dag_version_id, run_id, run_type, state, logical_date,
                          data_interval_start, data_interval_end, conf, triggered_by_id, created_at, started_at, ended_at)
    SELECT gen_random_uuid(), ${tenant}, d.id, d.current_version_id,
           (CASE WHEN x.manual THEN 'manual__' ELSE 'scheduled__' END) || to_char(x.logical AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || '+00:00',
           (CASE WHEN x.manual THEN 'MANUAL' ELSE 'SCHEDULED' END)::"DagRunType",
           x.state::"DagRunState", x.logical, x.logical, x.logical + interval '1 day', '{}',
           CASE WHEN x.manual THEN ${admin} END,
           x.created, x.created + interval '1 second',
           CASE WHEN x.state = 'RUNNING' THEN NULL ELSE x.created + interval '1 second' + make_interval(secs => 600 + x.dag_no % 300) END
      FROM dags d
     CROSS JOIN LATERAL (SELECT substring(d.dag_id FROM 7)::int AS dag_no) n
     CROSS JOIN generate_series(0, ${runs - 1}) i
     CROSS JOIN LATERAL (
           SELECT n.dag_no, i = ${runs - 4} AS manual,
                  CASE WHEN i = ${runs - 1} AND n.dag_no % 10 = 0 THEN 'RUNNING'
                       WHEN i = ${runs - 3} AND n.dag_no % 7 = 3 THEN 'FAILED'
                       ELSE 'SUCCESS' END AS state,
                  CASE WHEN i = ${runs - 4} THEN ${todaySql} - make_interval(days => ${runs} - i) + interval '13 hours' + make_interval(secs => n.dag_no)
                       ELSE ${todaySql} - make_interval(days => ${runs} - i) END AS logical,
                  CASE WHEN i = ${runs - 1} AND n.dag_no % 10 = 0 THEN ${nowSql} - make_interval(secs => 60 + n.dag_no % 240)
                       WHEN i = ${runs - 4} THEN ${todaySql} - make_interval(days => ${runs} - i) + interval '13 hours' + make_interval(secs => n.dag_no)
                       ELSE ${todaySql} - make_interval(days => ${runs} - i - 1) + make_interval(secs => 5 + n.dag_no % 600) END AS created) x
     WHERE d.tenant_id = ${tenant}`);
  progress(`runs ${(shape.dags * runs).toLocaleString("en-US")}`);

  // 3. Task instances, their tries and logs, a hundred DAGs at a time.
  const taskIds = sqlTextArray(BENCH_TASK_IDS);
  const layers = sqlIntArray(TASK_LAYER);
  const totalInstances = shape.dags * runs * BENCH_TASK_IDS.length;
  let instances = 0;
  let tries = 0;
  let loggedTries = 0;
  let logLines = 0;
  for (let lo = 0; lo < shape.dags; lo += RUN_BATCH_DAGS) {
    const hi = Math.min(shape.dags, lo + RUN_BATCH_DAGS);
    const batchRuns = `SELECT r.* FROM dag_runs r JOIN dags d ON d.id = r.dag_db_id
                        WHERE r.tenant_id = ${tenant} AND substring(d.dag_id FROM 7)::int >= ${lo} AND substring(d.dag_id FROM 7)::int < ${hi}`;
    instances += await db.$executeRawUnsafe(`
      INSERT INTO task_instances (id, tenant_id, dag_run_id, task_id, state, try_number, max_tries, queued_at, started_at, ended_at,
                                  exit_code, executor_key, message, pool, priority_weight, created_at, updated_at)
      SELECT gen_random_uuid(), ${tenant}, r.id, t.task_id, s.state::"TaskState", s.try_number, 2,
             CASE WHEN s.try_number > 0 THEN s.queued END,
             CASE WHEN s.try_number > 0 THEN s.queued + interval '2 seconds' END,
             CASE WHEN s.state IN ('SUCCESS', 'FAILED') THEN s.queued + interval '2 seconds' + make_interval(secs => s.secs)
                  WHEN s.state = 'UPSTREAM_FAILED' THEN r.ended_at END,
             CASE s.state WHEN 'SUCCESS' THEN 0 WHEN 'FAILED' THEN 1 END,
             CASE WHEN s.try_number > 0 THEN 'local:bench-' || left(r.id::text, 8) || '-' || t.task_id || '-' || s.try_number END,
             CASE s.state WHEN 'FAILED' THEN 'exit code 1'
                          WHEN 'UPSTREAM_FAILED' THEN 'upstream task quality_check failed' END,
             'default_pool', 1, r.created_at,
             coalesce(CASE WHEN s.state IN ('SUCCESS', 'FAILED') THEN s.queued + interval '2 seconds' + make_interval(secs => s.secs) END,
                      s.queued, r.created_at)
        FROM (${batchRuns}) r
       CROSS JOIN LATERAL unnest(${taskIds}, ${layers}) AS t(task_id, layer)
       CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text || t.task_id)) AS h) hh
       CROSS JOIN LATERAL (
             SELECT CASE
                      WHEN r.state = 'FAILED' AND t.layer = ${FAILING_LAYER} THEN 'FAILED'
                      WHEN r.state = 'FAILED' AND t.layer > ${FAILING_LAYER} THEN 'UPSTREAM_FAILED'
                      WHEN r.state = 'RUNNING' AND t.layer = ${RUNNING_LAYER} THEN 'RUNNING'
                      WHEN r.state = 'RUNNING' AND t.layer > ${RUNNING_LAYER} THEN 'NONE'
                      ELSE 'SUCCESS' END AS state,
                    CASE
                      WHEN r.state = 'FAILED' AND t.layer = ${FAILING_LAYER} THEN 2
                      WHEN r.state = 'FAILED' AND t.layer > ${FAILING_LAYER} THEN 0
                      WHEN r.state = 'RUNNING' AND t.layer > ${RUNNING_LAYER} THEN 0
                      WHEN hh.h % 13 = 0 THEN 2
                      ELSE 1 END AS try_number,
                    r.started_at + make_interval(secs => t.layer * 75 + CASE WHEN hh.h % 13 = 0 THEN 95 ELSE 0 END) AS queued,
                    (20 + hh.h % 50)::float8 AS secs) s`);

    tries += await db.$executeRawUnsafe(`
      INSERT INTO task_tries (id, task_instance_id, try_number, state, queued_at, started_at, ended_at, exit_code, message,
                              executor_key, hostname, rendered_command, rendered_env)
      SELECT gen_random_uuid(), ti.id, k,
             (CASE WHEN k < ti.try_number THEN 'FAILED' ELSE ti.state::text END)::"TaskState",
             ti.queued_at - make_interval(secs => (ti.try_number - k) * 95),
             ti.started_at - make_interval(secs => (ti.try_number - k) * 95),
             CASE WHEN k < ti.try_number THEN ti.started_at - make_interval(secs => (ti.try_number - k) * 95 - 30) ELSE ti.ended_at END,
             CASE WHEN k < ti.try_number THEN 1 ELSE ti.exit_code END,
             CASE WHEN k < ti.try_number THEN 'exit code 1' ELSE ti.message END,
             'local:bench-' || left(r.id::text, 8) || '-' || ti.task_id || '-' || k, 'bench-host',
             jsonb_build_array('sh', '-c', 'echo ' || ti.task_id || ' for ' || to_char(r.logical_date AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' && sleep 1'),
             '{}'::jsonb
        FROM (${batchRuns}) r
        JOIN task_instances ti ON ti.dag_run_id = r.id
       CROSS JOIN LATERAL generate_series(1, ti.try_number) k`);

    const logged = `SELECT ti.* FROM (${batchRuns}) r JOIN task_instances ti ON ti.dag_run_id = r.id
                     WHERE ti.try_number > 0 AND abs(hashtext(ti.id::text)) % ${shape.logEvery} = 0`;
    const [{ count }] = await db.$queryRawUnsafe<[{ count: number }]>(`SELECT count(*)::int AS count FROM (${logged}) l`);
    loggedTries += count;
    logLines += await db.$executeRawUnsafe(`
      INSERT INTO task_logs (task_instance_id, try_number, stream, content, created_at)
      SELECT ti.id, ti.try_number,
             (CASE WHEN line = 1 THEN 'SYSTEM' WHEN line % 17 = 0 THEN 'STDERR' ELSE 'STDOUT' END)::"LogStream",
             CASE WHEN line = 1 THEN 'try ' || ti.try_number || ' of ' || ti.task_id || ' started on bench-host (local executor)' || chr(10)
                  WHEN line % 17 = 0 THEN to_char(ti.started_at + make_interval(secs => line * 0.1), 'YYYY-MM-DD HH24:MI:SS.MS') ||
                       ' WARN ' || ti.task_id || ': slow batch ' || line || ', retrying fetch (attempt 2)' || chr(10)
                  ELSE to_char(ti.started_at + make_interval(secs => line * 0.1), 'YYYY-MM-DD HH24:MI:SS.MS') ||
                       ' INFO ' || ti.task_id || ': processed batch ' || line || '/' || ${shape.logLines} || ' (' || (abs(hashtext(ti.id::text || line)) % 5000) || ' rows)' || chr(10) END,
             ti.started_at + make_interval(secs => line * 0.1)
        FROM (${logged}) ti
       CROSS JOIN generate_series(1, ${shape.logLines}) line
       ORDER BY ti.id, line`);
    progress(
      `task instances ${instances.toLocaleString("en-US")} / ${totalInstances.toLocaleString("en-US")}, ` +
        `tries ${tries.toLocaleString("en-US")}, log lines ${logLines.toLocaleString("en-US")}`,
    );
  }

  progress("VACUUM ANALYZE");
  await db.$executeRawUnsafe("VACUUM ANALYZE");
  const [counted] = await db.$queryRawUnsafe<[{ dags: number; versions: number; runs: number }]>(
    `SELECT (SELECT count(*)::int FROM dags WHERE tenant_id = ${tenant}) AS dags,
            (SELECT count(*)::int FROM dag_versions v JOIN dags d ON d.id = v.dag_db_id WHERE d.tenant_id = ${tenant}) AS versions,
            (SELECT count(*)::int FROM dag_runs WHERE tenant_id = ${tenant}) AS runs`,
  );
  return {
    counts: {
      dags: counted.dags,
      dagVersions: counted.versions,
      runs: counted.runs,
      taskInstances: instances,
      taskTries: tries,
      loggedTries,
      logLines,
    },
    seedMs: performance.now() - started,
  };
}
