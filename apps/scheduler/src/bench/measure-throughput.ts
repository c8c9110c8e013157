import { readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "@updraft/db";
import type { ExecutorName } from "../create-executor";
import { createRuns, uploadDag, waitForRunsToFinish, type UploadedDag } from "../ha/ha-fixtures";
import { wideDag } from "./bench-dags";
import { freshDatabase, startSchedulers, type BenchEnvironment } from "./bench-environment";
import { machineBusyMs, ownCpuMs, processCpuMs } from "./cpu-usage";
import { readStatementStats, resetStatementStats, type StatementStats } from "./statement-stats";

export interface Throughput {
  executor: ExecutorName;
  processes: number;
  dags: number;
  width: number;
  taskInstances: number;
  /** Runs committed → last run finished, in seconds. */
  seconds: number;
  perSecond: number;
  /** Each scheduler process's peak RSS (VmHWM) at the end, in MiB. */
  peakRssMiB: number[];
  /** CPU while the runs executed, in cores (2 = both cores of this machine busy). */
  cores: { machine: number; schedulers: number; benchmark: number; postgresAndRest: number };
  /** Postgres transactions committed per task instance (all scheduler connections). */
  transactionsPerTask: number;
  /** CPU profile files (with --profile), one per scheduler process. */
  profiles: string[];
  /** What Postgres executed for the scheduler(s) while the runs executed (with --profile). */
  statements: StatementStats | null;
}

/**
 * `dags` DAGs of `width` independent tasks, one run each, created in one
 * transaction (as if they all became due at once), executed by `processes`
 * scheduler processes: task instances completed per second.
 */
export async function measureThroughput(
  env: BenchEnvironment,
  options: { executor: ExecutorName; processes: number; dags: number; width: number; profile?: boolean },
): Promise<Throughput> {
  const database = await freshDatabase(env);
  try {
    const dags: UploadedDag[] = [];
    for (let d = 0; d < options.dags; d++) {
      dags.push(await uploadDag(database.db, database.tenantId, wideDag(`wide_${d}`, options.width)));
    }
    const tag = `${options.executor}-${options.processes}p`;
    const profileDir = options.profile ? join(env.dir, `profile-${tag}`) : undefined;
    if (profileDir) await mkdir(profileDir, { recursive: true });
    const schedulers = await startSchedulers(env, database, {
      count: options.processes,
      executor: options.executor,
      launchLog: join(env.dir, `throughput-${tag}.log`),
      cpuProfileDir: profileDir,
    });

    const xactsBefore = await transactions(database.db);
    const schedulerCpu = () => schedulers.reduce((sum, s) => sum + (processCpuMs(s.pid) ?? 0), 0);
    let peakRssMiB: number[] = [];
    let seconds = 0;
    let cores = { machine: 0, schedulers: 0, benchmark: 0, postgresAndRest: 0 };
    let polls = 0;
    let statements: StatementStats | null = null;
    const runIds: string[] = [];
    try {
      const runs = dags.map((dag) => ({ dag, runId: "throughput__1" }));
      runIds.push(...(await createRuns(database.db, runs)));
      const started = Date.now();
      if (options.profile) await resetStatementStats(database.db);
      const busy0 = machineBusyMs();
      const sched0 = schedulerCpu();
      const own0 = ownCpuMs();
      const pollMs = 50;
      await waitForRunsToFinish(database.db, runIds, { timeoutMs: 600_000, pollMs });
      const wallMs = Date.now() - started;
      polls = Math.ceil(wallMs / pollMs) + 1;
      const busy = machineBusyMs() - busy0;
      const sched = schedulerCpu() - sched0;
      const own = ownCpuMs() - own0;
      cores = { machine: busy / wallMs, schedulers: sched / wallMs, benchmark: own / wallMs, postgresAndRest: (busy - sched - own) / wallMs };
      const last = await database.db.dagRun.aggregate({ where: { id: { in: runIds } }, _max: { endedAt: true } });
      seconds = (last._max.endedAt!.getTime() - started) / 1000;
      peakRssMiB = schedulers.map((s) => (s.peakRssKiB() ?? Number.NaN) / 1024);
      if (options.profile) statements = await readStatementStats(database.db);
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
    }

    const failed = await database.db.dagRun.count({ where: { id: { in: runIds }, state: { not: "SUCCESS" } } });
    if (failed > 0) throw new Error(`${failed} throughput runs did not succeed; see the scheduler logs in ${env.dir}`);
    await new Promise((r) => setTimeout(r, 500));
    const taskInstances = options.dags * options.width;
    // The benchmark's own polling queries are transactions too; they are not the scheduler's.
    const xacts = (await transactions(database.db)) - xactsBefore - polls - 3;
    return {
      executor: options.executor,
      processes: options.processes,
      dags: options.dags,
      width: options.width,
      taskInstances,
      seconds,
      perSecond: taskInstances / seconds,
      peakRssMiB,
      cores,
      transactionsPerTask: xacts / taskInstances,
      profiles: profileDir ? readdirSync(profileDir).map((f) => join(profileDir, f)) : [],
      statements,
    };
  } finally {
    await database.close();
  }
}

async function transactions(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`;
  return Number(row?.n ?? 0);
}
