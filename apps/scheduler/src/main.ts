import pino from "pino";
import { localStateRootOf } from "./config/local-state-root";
import { readSchedulerEnv } from "./config/env";
import { startHealthServer, type HealthServer } from "./http/health-server";
import { createLaunchLogObserver } from "./instrumentation/launch-log";
import { createSchedulerMetrics } from "./metrics/scheduler-metrics";
import { startScheduler, type RunningScheduler, type SchedulerOptions } from "./start-scheduler";

const env = (() => {
  try {
    return readSchedulerEnv();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
})();
const logger = pino({ name: "scheduler", level: env.LOG_LEVEL });
const launchLog = env.UPDRAFT_LAUNCH_LOG ? createLaunchLogObserver(env.UPDRAFT_LAUNCH_LOG, { jobs: true }) : undefined;

const metrics = createSchedulerMetrics();

let scheduler: RunningScheduler | null = null;
let healthServer: HealthServer | null = null;
let stopRequested = false;

function shutDown(): void {
  scheduler!.stop().then(
    () => {
      launchLog?.close();
      process.exit(0);
    },
    (err) => {
      logger.error({ err }, "error during shutdown");
      process.exit(1);
    },
  );
}

// Installed before start-up, so a SIGTERM while starting still stops gracefully
// (the replica is registered early and must be marked stopped).
let signals = 0;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    signals++;
    if (signals > 1) {
      logger.warn("second signal: exiting now");
      process.exit(1);
    }
    logger.info({ signal }, "shutting down gracefully");
    // /readyz answers 503 before the scheduler begins to stop.
    healthServer?.markShuttingDown();
    if (scheduler) shutDown();
    else stopRequested = true;
  });
}

if (env.UPDRAFT_EXECUTOR === "kubernetes" && !env.UPDRAFT_SCHEDULER_ID) {
  logger.warn(
    "UPDRAFT_SCHEDULER_ID is not set: this scheduler gets a new id, so after a restart it cannot adopt the pods it left running (give each replica a stable id, e.g. from its StatefulSet ordinal)",
  );
}

const schedulerOptions: SchedulerOptions = {
  databaseUrl: env.DATABASE_URL,
  executor: env.UPDRAFT_EXECUTOR,
  keyring: env.keyring,
  concurrency: env.UPDRAFT_SCHEDULER_CONCURRENCY,
  tickIntervalMs: env.UPDRAFT_TICK_SECONDS * 1000,
  pollIntervalMs: env.UPDRAFT_POLL_INTERVAL_MS,
  schedulerId: env.UPDRAFT_SCHEDULER_ID,
  heartbeatIntervalMs: env.UPDRAFT_HEARTBEAT_MS,
  reconcileIntervalMs: env.UPDRAFT_RECONCILE_MS,
  zombieAfterMs: env.UPDRAFT_ZOMBIE_AFTER_MS,
  meterIntervalMs: env.UPDRAFT_METER_INTERVAL_MS,
  noopDurationMs: env.UPDRAFT_NOOP_DURATION_MS,
  localStateRoot: localStateRootOf(env),
  kubernetes: {
    executorOptions: {
      createQps: env.UPDRAFT_KUBE_CREATE_QPS,
      createBurst: env.UPDRAFT_KUBE_CREATE_BURST,
      keepFailedPods: env.UPDRAFT_KUBE_KEEP_FAILED_PODS,
      unschedulableTimeoutMs: env.UPDRAFT_KUBE_UNSCHEDULABLE_TIMEOUT_MS,
    },
    clusterCidrs: env.UPDRAFT_CLUSTER_CIDRS,
    provisionIntervalMs: env.UPDRAFT_PROVISION_INTERVAL_MS,
  },
  observer: launchLog,
  metrics,
  logger,
};
// Up before the scheduler starts: /healthz answers (and /readyz says "starting") during a long adoption.
try {
  healthServer = await startHealthServer({
    port: env.UPDRAFT_METRICS_PORT,
    registry: metrics.registry,
    databaseUrl: env.DATABASE_URL,
    migrationsDir: env.UPDRAFT_MIGRATIONS_DIR,
    scheduler: () => scheduler?.health() ?? null,
    logger,
  });
} catch (err) {
  logger.fatal({ err, port: env.UPDRAFT_METRICS_PORT }, `the health and metrics server could not start: ${(err as Error).message}`);
  process.exit(1);
}
if (stopRequested) healthServer.markShuttingDown();
try {
  scheduler = await startScheduler(schedulerOptions);
} catch (err) {
  logger.fatal({ err }, `the scheduler could not start: ${(err as Error).message}`);
  process.exit(1);
}
if (stopRequested) shutDown();
