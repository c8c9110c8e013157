import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { run, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import { createDb } from "@updraft/db";
import {
  enqueueJob,
  createAdmissionCoordinator,
  markSchedulerStopped,
  registerSchedulerInstance,
  releaseDeadWorkerJobs,
  scheduleReconcile,
  TICK_JOB_KEY,
  type SchedulerRegistration,
} from "@updraft/engine";
import { type SecretKeyring } from "@updraft/platform";
import pg from "pg";
import pino, { type Logger } from "pino";
import { createExecutor, type ExecutorName } from "./create-executor";
import { graphileLoggerFor } from "./graphile-pino-logger";
import type { HealthCheck, SchedulerHealth } from "./http/health-types";
import { countJobs } from "./instrumentation/count-jobs";
import { createExecutorInstrumentation } from "./instrumentation/instrument-executor";
import { readTaskLogFields } from "./instrumentation/read-task-log-fields";
import { observeExecutor } from "./instrumentation/observe-executor";
import { observeJobs } from "./instrumentation/observe-jobs";
import type { SchedulerObserver } from "./instrumentation/scheduler-observer";
import { buildTaskList } from "./jobs/build-task-list";
import { ensureJobQueue } from "./jobs/ensure-job-queue";
import { createRetryWaker } from "./jobs/wake-retries-on-time";
import type { KubernetesSettings } from "./kubernetes/create-kubernetes-backend";
import { makeMeter } from "./metering/meter-running-tries";
import { createSchedulerMetrics, type SchedulerMetrics } from "./metrics/scheduler-metrics";
import { makeHeartbeat } from "./reconcile/heartbeat";
import { listenForKills } from "./reconcile/listen-for-kills";
import { makeReconcileJob } from "./reconcile/reconcile-job";
import { repeatEvery } from "./reconcile/repeat-every";
import { createOrphanSweeper } from "./reconcile/sweep-orphans";
import { trackRunningTries } from "./reconcile/track-running-tries";

export interface SchedulerOptions {
  databaseUrl: string;
  executor: ExecutorName;
  /** From UPDRAFT_SECRET_KEY: decrypts tenant secrets and connection passwords (injection, log masking, provisioning). */
  keyring: SecretKeyring;
  concurrency?: number;
  tickIntervalMs?: number;
  /** How often idle workers look for future-dated jobs (retries, the next tick); new jobs arrive by NOTIFY. */
  pollIntervalMs?: number;
  /** This replica's id (uuid), stored on every try it claims. Default: a random one. */
  schedulerId?: string;
  /** How often the replica records that it is alive. Default 5000. */
  heartbeatIntervalMs?: number;
  /** How often the cluster-wide reconcile job and this replica's orphan sweep run. Default 30000. */
  reconcileIntervalMs?: number;
  /** How often this replica samples the cpu and memory of the tries it runs (for their cost). Default 15000. */
  meterIntervalMs?: number;
  /** A replica silent this long is taken for dead and its running tries are failed (and retried). Default 60000. */
  zombieAfterMs?: number;
  /** How long every task "runs" with the noop executor. Default 0. */
  noopDurationMs?: number;
  /**
   * With `executor: "local"`: the parent of this replica's task state directory (`<root>/<schedulerId>`);
   * see UPDRAFT_LOCAL_STATE_DIR. Default `<system temp dir>/updraft-local`.
   */
  localStateRoot?: string;
  /** With `executor: "kubernetes"`: the cluster, executor options, cluster ranges and provisioning interval. */
  kubernetes?: KubernetesSettings;
  /** Test and benchmark hooks: launches and recorded outcomes. */
  observer?: SchedulerObserver;
  /** The process's Prometheus metrics (main.ts serves them on /metrics). Default: a registry of its own. */
  metrics?: SchedulerMetrics;
  logger?: Logger;
}

export interface RunningScheduler {
  /** This replica's id in `scheduler_instances`. */
  readonly schedulerId: string;
  /**
   * Stops taking jobs, finishes the jobs and database writes in flight, closes connections. Running pods, and
   * local tasks when `schedulerId` was given, are left running for the next start with the same id (the replica
   * is then not marked stopped); otherwise local tasks are killed (their end recorded) and the replica is marked stopped.
   */
  stop(): Promise<void>;
  /** For /readyz: whether the worker runs (and the pod watch is connected), and whether stop() has begun. */
  health(): SchedulerHealth;
  /** What this replica counts and measures (`metrics.registry` is what /metrics serves). */
  readonly metrics: SchedulerMetrics;
}

/**
 * Starts one scheduler replica: graphile-worker on the Updraft database with
 * the tick / evaluate_run / launch_task / task_event / reconcile jobs, an
 * executor, a heartbeat, the kill listener, the orphan sweep and the meter
 * (usage samples of the tries this replica runs). Several
 * replicas may run against one database.
 *
 * With the Kubernetes executor it also runs the provision_tenant and
 * deprovision_tenant jobs, provisions every tenant at start and every
 * `provisionIntervalMs`, and takes no job before the pods it left running
 * last time (same scheduler id) are adopted. Stopping leaves running pods to
 * the next start with the same id. So does the local executor, when the
 * scheduler id is given: its tasks run under supervisors that outlive this
 * process, and the next start adopts them before taking a job.
 */
export async function startScheduler(options: SchedulerOptions): Promise<RunningScheduler> {
  const logger = options.logger ?? pino({ name: "scheduler" });
  const concurrency = options.concurrency ?? 16;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 5000;
  const reconcileIntervalMs = options.reconcileIntervalMs ?? 30_000;
  const meterIntervalMs = options.meterIntervalMs ?? 15_000;
  const zombieAfterMs = options.zombieAfterMs ?? 60_000;
  if (zombieAfterMs <= heartbeatIntervalMs * 2) {
    throw new Error(
      `zombieAfterMs (${zombieAfterMs}) must be more than twice heartbeatIntervalMs (${heartbeatIntervalMs}), or live schedulers would be taken for dead ones.`,
    );
  }
  const identity = { schedulerId: options.schedulerId ?? randomUUID(), hostname: hostname() };
  const log = logger.child({ schedulerId: identity.schedulerId });

  const db = createDb(options.databaseUrl, { max: concurrency + 4 });
  await ensureJobQueue(options.databaseUrl);
  const metrics = options.metrics ?? createSchedulerMetrics({ defaultMetrics: false });
  const instrumentation = createExecutorInstrumentation(metrics);
  const created = createExecutor(options.executor, db, log, {
    keyring: options.keyring,
    noopDurationMs: options.noopDurationMs,
    kubernetes: options.kubernetes && {
      ...options.kubernetes,
      executorOptions: { ...options.kubernetes.executorOptions, onWatchRestart: () => metrics.watchRestarts.inc() },
    },
    schedulerId: identity.schedulerId,
    schedulerIdIsStable: options.schedulerId !== undefined,
    localStateRoot: options.localStateRoot,
    onOutcome: (req, outcome) => instrumentation.onOutcome(req, outcome),
  });
  const { logWriter } = created;
  const backend = instrumentation.wrap(created.executor);
  const tracked = trackRunningTries(options.observer ? observeExecutor(backend, identity.schedulerId, options.observer) : backend);
  const executor = tracked.executor;

  const replica: SchedulerRegistration = { ...identity, pid: process.pid, executor: executor.name };
  await registerSchedulerInstance(db, replica);

  const retryWaker = createRetryWaker(db, (err) => log.warn({ err }, "could not wake a due retry early; the poll will"));
  const jobs: TaskList = {
    ...buildTaskList(db, executor, {
      tickIntervalMs: options.tickIntervalMs ?? 5000,
      identity,
      // One per process: it coalesces this replica's follow-up admissions per tenant.
      admission: createAdmissionCoordinator(db),
      retryWaker,
      secrets: { keyring: options.keyring, inject: created.injectSecrets },
      logger: log,
    }),
    reconcile: makeReconcileJob(db, {
      reconcileIntervalMs,
      zombieAfterMs,
      logger: log.child({ component: "reconcile" }),
      onZombie: (reason) => instrumentation.countFailure(reason),
    }),
    ...created.jobs,
  };
  const counted = countJobs(jobs, metrics);
  const taskList = options.observer ? observeJobs(counted, options.observer) : counted;

  // The worker pool's id is what graphile-worker writes into `locked_by` of the jobs it runs.
  const workerPoolIds: string[] = [];
  const events = new EventEmitter() as WorkerEvents;
  events.on("pool:create", ({ workerPool }) => workerPoolIds.push(workerPool.id));

  // Our own pool for graphile-worker, so stop() can wait until every
  // connection is closed (graphile-worker ends a pool it made without waiting,
  // and drops its error handlers first) and late connection errors are logged.
  const jobQueuePool = new pg.Pool({ connectionString: options.databaseUrl, max: concurrency + 2 });
  const onConnectionError = (err: Error) => log.warn({ err }, "a job queue database connection failed");
  jobQueuePool.on("error", onConnectionError);
  jobQueuePool.on("connect", (client) => client.on("error", onConnectionError));

  // Heartbeats start before the pod list below, so a slow API does not make this replica look dead.
  const heartbeat = repeatEvery("heartbeat", heartbeatIntervalMs, makeHeartbeat(db, replica, () => workerPoolIds, log), log);
  if (executor.adopt) {
    // Adopt the pods or local tasks this replica left running before any launch job or orphan sweep looks at them.
    log.info("adopting the tasks this scheduler left running");
    await executor.adopt();
    log.info({ adopted: executor.runningKeys().length }, "adopted the tasks this scheduler left running");
  }

  const kills = listenForKills({
    databaseUrl: options.databaseUrl,
    executor,
    logger: log.child({ component: "kill-listener" }),
    taskFields: (taskInstanceId, tryNumber) => readTaskLogFields(db, taskInstanceId, tryNumber),
  });
  const runner: Runner = await run({
    pgPool: jobQueuePool,
    concurrency,
    noHandleSignals: true,
    pollInterval: options.pollIntervalMs ?? 2000,
    logger: graphileLoggerFor(log.child({ component: "graphile-worker" })),
    events,
    taskList,
  });
  await kills.ready;
  let workerEnded: string | null = null;
  runner.promise.then(
    () => (workerEnded = "graphile-worker has stopped"),
    (err: unknown) => (workerEnded = `graphile-worker failed: ${err instanceof Error ? err.message : String(err)}`),
  );

  const sweepOrphans = createOrphanSweeper(db, identity.schedulerId, tracked, log.child({ component: "orphan-sweep" }), (reason) =>
    instrumentation.countFailure(reason),
  );
  const maintenance = repeatEvery(
    "orphan sweep",
    reconcileIntervalMs,
    async () => {
      await sweepOrphans();
      const dead = await releaseDeadWorkerJobs(db, zombieAfterMs);
      if (dead.length > 0) log.warn({ workerPools: dead }, "released the jobs of worker pools that stopped responding");
    },
    log,
  );

  const meter = repeatEvery("meter", meterIntervalMs, makeMeter(db, backend, identity.schedulerId), log.child({ component: "meter" }));

  // Make sure a tick and a reconcile are pending (fixed keys keep each to one across replicas).
  await enqueueJob(db, "tick", {}, { jobKey: TICK_JOB_KEY, jobKeyMode: "preserve_run_at" });
  await scheduleReconcile(db, { runAt: new Date(Date.now() + reconcileIntervalMs), keepEarlier: true });
  const upkeep = await created.startUpkeep();
  metrics.readDatabase({ db, jobNames: Object.keys(taskList), logger: log.child({ component: "metrics" }) });
  log.info({ executor: executor.name, concurrency, hostname: identity.hostname }, "scheduler started");

  let stopBegun = false;
  let stopping: Promise<void> | null = null;
  return {
    schedulerId: identity.schedulerId,
    metrics,
    health() {
      const worker: HealthCheck = stopBegun
        ? { ok: false, message: "the scheduler is stopping" }
        : workerEnded
          ? { ok: false, message: workerEnded }
          : { ok: true };
      const checks: Record<string, HealthCheck> = { worker, ...executor.health?.() };
      return { stopping: stopBegun, checks };
    },
    stop() {
      // /readyz turns 503 and scrapes keep the last DB-wide values from here on.
      stopBegun = true;
      metrics.readDatabase(null);
      stopping ??= (async () => {
        log.info("scheduler stopping");
        await heartbeat.stop();
        await maintenance.stop();
        await meter.stop();
        await upkeep.stop();
        await kills.stop();
        await runner.stop();
        retryWaker.stop();
        await jobQueuePool.end();
        // With a stable id, an executor whose tasks outlive it (pods, local supervisors) leaves them running: a
        // restart with the same id adopts them. With a random one nobody could, so shutdown() decides (local
        // tasks are killed and their end recorded; pods are left to the other replicas' reconcile).
        const leftRunning = options.schedulerId !== undefined && executor.detach ? await executor.detach() : [];
        await executor.shutdown();
        await logWriter.close();
        if (leftRunning.length > 0) {
          // Not marked stopped, or another replica's reconcile would fail the tries of these tasks at once; if this
          // id does not come back within zombieAfterMs, the missing heartbeats make them zombies all the same.
          log.info({ executor: executor.name, tasks: leftRunning.length }, "leaving running tasks to the next start of this scheduler id");
        } else {
          await markSchedulerStopped(db, identity.schedulerId);
        }
        await db.$disconnect();
        log.info("scheduler stopped");
      })();
      return stopping;
    },
  };
}
