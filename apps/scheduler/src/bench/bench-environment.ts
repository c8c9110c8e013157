import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, createTenant, migrate, type Db } from "@updraft/db";
import { findFreePort, postgresUrl, startPostgresCluster, withDatabase } from "@updraft/db/embedded";
import { createScratchDatabase, startTestPostgres, TEMPLATE_DATABASE, type TestPostgres } from "@updraft/db/testing";
import pg from "pg";
import { ensureJobQueue } from "../jobs/ensure-job-queue";
import { TEST_SECRET_KEY } from "@updraft/platform";
import type { ExecutorName } from "../create-executor";
import { buildSchedulerBundle } from "../testing/build-scheduler-bundle";
import { spawnSchedulerProcess, waitUntilRegistered, type SchedulerProcess } from "../testing/scheduler-process";

export interface BenchEnvironment {
  postgres: Pick<TestPostgres, "adminUrl" | "createDatabase" | "stop">;
  /** Whether pg_stat_statements records every statement (with --profile). */
  statementStats: boolean;
  /** Scratch folder: launch logs, scheduler logs, CPU profiles. */
  dir: string;
  /** The scheduler bundle built from the current sources, which every scheduler process of the run starts. */
  schedulerMain: string;
  /** Stops Postgres; deletes the scratch folder (unless `keepDir`) and the bundle. */
  close(options?: { keepDir?: boolean }): Promise<void>;
}

/**
 * A throwaway Postgres (the tests' one: fsync off) and a scratch folder.
 * With `statementStats` the same server also loads pg_stat_statements, so
 * the profile can say which statements the scheduler spends Postgres on.
 */
export async function startBenchEnvironment(options: { statementStats: boolean }): Promise<BenchEnvironment> {
  const dir = await mkdtemp(join(tmpdir(), "updraft-bench-"));
  const postgres = options.statementStats ? await startPostgresWithStatementStats(join(dir, "pg")) : await startTestPostgres();
  const bundle = await buildSchedulerBundle();
  return {
    postgres,
    statementStats: options.statementStats,
    dir,
    schedulerMain: bundle.main,
    async close(closeOptions = {}) {
      await postgres.stop();
      bundle.remove();
      if (!closeOptions.keepDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface BenchDatabase {
  url: string;
  db: Db;
  tenantId: string;
  close(): Promise<void>;
}

/** startTestPostgres's server and template, plus pg_stat_statements. */
async function startPostgresWithStatementStats(clusterDir: string): Promise<BenchEnvironment["postgres"]> {
  const password = randomBytes(16).toString("hex");
  const cluster = await startPostgresCluster({
    clusterDir,
    port: await findFreePort(),
    password,
    persistent: false,
    settings: {
      fsync: "off",
      synchronous_commit: "off",
      full_page_writes: "off",
      max_connections: "400",
      shared_preload_libraries: "pg_stat_statements",
    },
  });
  const adminUrl = postgresUrl({ password, port: cluster.port, database: "postgres" });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    const templateUrl = withDatabase(adminUrl, TEMPLATE_DATABASE);
    // The bench runs from the repository checkout and measures its code, like the
    // tests' template (startTestPostgres): migrate()'s default, the repository's
    // prisma/migrations, is the right folder. UPDRAFT_MIGRATIONS_DIR is for the
    // images and `npm start`, which may run from a copy without the checkout.
    await migrate(templateUrl);
    const template = new pg.Client({ connectionString: templateUrl });
    await template.connect();
    await template.query("CREATE EXTENSION pg_stat_statements");
    await template.end();
    await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  } finally {
    await admin.end();
  }
  return { adminUrl, createDatabase: () => createScratchDatabase(adminUrl), stop: () => cluster.stop() };
}

/** A fresh migrated database (empty job queue) with one tenant, for one scenario. */
export async function freshDatabase(env: BenchEnvironment): Promise<BenchDatabase> {
  const scratch = await env.postgres.createDatabase();
  await ensureJobQueue(scratch.url);
  const db = createDb(scratch.url, { max: 4 });
  const tenant = await createTenant(db, { slug: "bench", name: "Benchmark" });
  return {
    url: scratch.url,
    db,
    tenantId: tenant.id,
    async close() {
      await db.$disconnect();
      await scratch.drop();
    },
  };
}

let started = 0;

/**
 * Starts scheduler processes (like `updraft start` does) with a launch log,
 * and waits until all of them are taking jobs.
 */
export async function startSchedulers(
  env: BenchEnvironment,
  database: BenchDatabase,
  options: { count: number; executor: ExecutorName; launchLog: string; cpuProfileDir?: string },
): Promise<SchedulerProcess[]> {
  await writeFile(options.launchLog, "");
  const procs = Array.from({ length: options.count }, () =>
    spawnSchedulerProcess({
      main: env.schedulerMain,
      logFile: join(env.dir, `scheduler-${++started}.log`),
      nodeArgs: options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [],
      env: {
        DATABASE_URL: database.url,
        // A throwaway database: the fixed test key is enough.
        UPDRAFT_SECRET_KEY: TEST_SECRET_KEY,
        UPDRAFT_EXECUTOR: options.executor,
        UPDRAFT_LAUNCH_LOG: options.launchLog,
        LOG_LEVEL: "warn",
      },
    }),
  );
  await Promise.all(procs.map((p) => waitUntilRegistered(database.db, p)));
  // Registration comes just before the worker pool starts listening.
  await new Promise((r) => setTimeout(r, 500));
  return procs;
}
