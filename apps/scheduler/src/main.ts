import pino from "pino";
import { readSchedulerEnv } from "./config/scheduler-env";
import { startScheduler } from "./start-scheduler";

const env = (() => {
  try {
    return readSchedulerEnv();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
})();
const logger = pino({ name: "scheduler", level: env.LOG_LEVEL });
const scheduler = await startScheduler({
  databaseUrl: env.DATABASE_URL,
  executor: env.UPDRAFT_EXECUTOR,
  concurrency: env.UPDRAFT_SCHEDULER_CONCURRENCY,
  tickIntervalMs: env.UPDRAFT_TICK_SECONDS * 1000,
  logger,
});

let signals = 0;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    signals++;
    if (signals > 1) {
      logger.warn("second signal: exiting now");
      process.exit(1);
    }
    logger.info({ signal }, "shutting down gracefully");
    scheduler.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, "error during shutdown");
        process.exit(1);
      },
    );
  });
}
