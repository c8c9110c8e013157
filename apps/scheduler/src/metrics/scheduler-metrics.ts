import type { Db } from "@updraft/db";
import type { Logger } from "pino";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { cachedRead } from "./cached-read";
import { EXECUTOR_ERROR_REASONS, type ExecutorErrorReason } from "./classify-executor-failure";
import { countReadyJobs } from "@updraft/engine";
import { countTaskInstancesByState, readTenantTaskUsage, TASK_STATES } from "./database-gauges";

/** Where the DB-wide gauges are read from: attached once the scheduler has its database. */
export interface DatabaseGaugeSource {
  db: Db;
  /** The scheduler's job names: each gets a queue depth series (0 when none wait). */
  jobNames: readonly string[];
  logger: Logger;
}

export interface SchedulerMetrics {
  /** The process's registry: what /metrics serves. */
  readonly registry: Registry;
  /** Tries this replica launched (adoptions of running tasks not counted), by executor. */
  readonly launches: Counter<"executor">;
  /** Ready (queued) → launched, per launch on this replica, in seconds. */
  readonly schedulingLatency: Histogram;
  readonly executorErrors: Counter<"reason">;
  readonly watchRestarts: Counter;
  readonly jobs: Counter<"job" | "outcome">;
  countExecutorError(reason: ExecutorErrorReason): void;
  /** Reads the DB-wide gauges from this source at scrape time (cached ≤ maxAgeMs); null keeps their last values. */
  readDatabase(source: DatabaseGaugeSource | null): void;
}

export interface SchedulerMetricsOptions {
  /** How long a DB-wide reading is served from cache. Default 5000. */
  maxAgeMs?: number;
  /** A DB-wide reading that takes longer is given up (the last values stay). Default 2000. */
  readTimeoutMs?: number;
  /** Add the process_ and nodejs_ metrics (CPU, memory, event loop lag …). Default true. */
  defaultMetrics?: boolean;
}

/** Scheduling latency buckets: a hand-off takes milliseconds; a launch that waited for quota, minutes. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/**
 * The scheduler's Prometheus metrics (names and meanings in
 * infra/docs/metrics.md) in one registry. Counters and the histogram count
 * what this replica does; the gauges are read from the database at scrape
 * time, one query each (the two tenant gauges share one), cached, and on a
 * database error keep their last values (the error is logged), so a scrape
 * never fails for it.
 */
export function createSchedulerMetrics(options: SchedulerMetricsOptions = {}): SchedulerMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let source: DatabaseGaugeSource | null = null;
  const read = <T>(what: string, query: (db: Db) => Promise<T>) => {
    let reader: { db: Db; read: () => Promise<T | undefined> } | undefined;
    return async (): Promise<T | undefined> => {
      const current = source;
      if (!current) return undefined;
      if (reader?.db !== current.db) {
        reader = {
          db: current.db,
          read: cachedRead(() => query(current.db), {
            maxAgeMs: options.maxAgeMs ?? 5000,
            timeoutMs: options.readTimeoutMs ?? 2000,
            onError: (err) => current.logger.warn({ err, metric: what }, "could not read a metric from the database; serving its last value"),
          }),
        };
      }
      return reader.read();
    };
  };

  const readStates = read("updraft_task_instances", countTaskInstancesByState);
  new Gauge({
    name: "updraft_task_instances",
    help: "Task instances by state, across all tenants (DB-wide: the same on every replica).",
    labelNames: ["state"],
    registers,
    async collect() {
      const counts = await readStates();
      if (!counts) return;
      for (const state of new Set([...TASK_STATES, ...counts.keys()])) this.set({ state }, counts.get(state) ?? 0);
    },
  });

  const readJobs = read("updraft_job_queue_depth", countReadyJobs);
  new Gauge({
    name: "updraft_job_queue_depth",
    help: "Scheduler jobs ready to run now and not taken yet, by job (DB-wide: the same on every replica).",
    labelNames: ["job"],
    registers,
    async collect() {
      const counts = await readJobs();
      if (!counts) return;
      this.reset();
      for (const job of new Set([...(source?.jobNames ?? []), ...counts.keys()])) this.set({ job }, counts.get(job) ?? 0);
    },
  });

  const readTenants = read("updraft_tenant_running_tasks", readTenantTaskUsage);
  new Gauge({
    name: "updraft_tenant_running_tasks",
    help: "Task instances queued or running per tenant: what admission counts against its limit (DB-wide).",
    labelNames: ["tenant"],
    registers,
    async collect() {
      const usage = await readTenants();
      if (!usage) return;
      this.reset();
      for (const u of usage) this.set({ tenant: u.tenant }, u.running);
    },
  });
  new Gauge({
    name: "updraft_tenant_max_concurrent_tasks",
    help: "How many task instances a tenant may have queued or running at once: its quota (DB-wide).",
    labelNames: ["tenant"],
    registers,
    async collect() {
      const usage = await readTenants(); // the same cached reading as updraft_tenant_running_tasks
      if (!usage) return;
      this.reset();
      for (const u of usage) this.set({ tenant: u.tenant }, u.maxConcurrent);
    },
  });

  const executorErrors = new Counter({
    name: "updraft_executor_errors_total",
    help: "Launches the executor refused or failed, and tries that failed for a reason other than the task's own exit code, by reason class.",
    labelNames: ["reason"],
    registers,
  });
  for (const reason of EXECUTOR_ERROR_REASONS) executorErrors.inc({ reason }, 0);

  return {
    registry,
    launches: new Counter({
      name: "updraft_task_launches_total",
      help: "Task tries this replica launched (adopted running tasks not counted), by executor.",
      labelNames: ["executor"],
      registers,
    }),
    schedulingLatency: new Histogram({
      name: "updraft_scheduling_latency_seconds",
      help: "Time from a task try becoming ready (queued by admission) to its launch on this replica.",
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    executorErrors,
    watchRestarts: new Counter({
      name: "updraft_kubernetes_watch_restarts_total",
      help: "Times the Kubernetes pod watch ended (or its list failed) and was started again.",
      registers,
    }),
    jobs: new Counter({
      name: "updraft_scheduler_jobs_total",
      help: "Scheduler jobs this replica ran, by job and outcome (ok or error).",
      labelNames: ["job", "outcome"],
      registers,
    }),
    countExecutorError(reason) {
      executorErrors.inc({ reason });
    },
    readDatabase(next) {
      source = next;
    },
  };
}
