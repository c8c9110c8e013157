import pino from "pino";
import { readSchedulerEnv } from "./config/scheduler-env";
import { createLaunchLogObserver } from "./instrumentation/launch-log";
import { startScheduler, type RunningScheduler } from "./start-scheduler";

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

let scheduler: RunningScheduler | null = null;
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
    if (scheduler) shutDown();
    else stopRequested = true;
  });
}

scheduler = await startScheduler({
  databaseUrl: env.DATABASE_URL,
  executor: env.UPDRAFT_EXECUTOR,
  concurrency: env.UPDRAFT_SCHEDULER_CONCURRENCY,
  tickIntervalMs: env.UPDRAFT_TICK_SECONDS * 1000,
  pollIntervalMs: env.UPDRAFT_POLL_INTERVAL_MS,
  schedulerId: env.UPDRAFT_SCHEDULER_ID,
  heartbeatIntervalMs: env.UPDRAFT_HEARTBEAT_MS,
  reconcileIntervalMs: env.UPDRAFT_RECONCILE_MS,
  zombieAfterMs: env.UPDRAFT_ZOMBIE_AFTER_MS,
  noopDurationMs: env.UPDRAFT_NOOP_DURATION_MS,
  observer: launchLog,
  logger,
});
if (stopRequested) shutDown();
