import { run, type Runner } from "graphile-worker";
import { createDb } from "@updraft/db";
import { enqueueJob, ensureJobQueue, TICK_JOB_KEY } from "@updraft/engine";
import pino, { type Logger } from "pino";
import { createExecutor, type ExecutorName } from "./create-executor";
import { graphileLoggerFor } from "./graphile-pino-logger";
import { buildTaskList } from "./jobs/build-task-list";

export interface SchedulerOptions {
  databaseUrl: string;
  executor: ExecutorName;
  concurrency?: number;
  tickIntervalMs?: number;
  /** How often idle workers look for future-dated jobs (retries, the next tick); new jobs arrive by NOTIFY. */
  pollIntervalMs?: number;
  logger?: Logger;
}

export interface RunningScheduler {
  /** Stops taking jobs, kills running task processes (recording their end), closes connections. */
  stop(): Promise<void>;
}

/**
 * Starts one scheduler replica: graphile-worker on the Updraft database with
 * the tick / evaluate_run / launch_task / task_event jobs and an executor.
 * Several replicas may run against one database.
 */
export async function startScheduler(options: SchedulerOptions): Promise<RunningScheduler> {
  const logger = options.logger ?? pino({ name: "scheduler" });
  const concurrency = options.concurrency ?? 16;
  const db = createDb(options.databaseUrl, { max: concurrency + 4 });
  await ensureJobQueue(options.databaseUrl);
  const { executor, logWriter } = createExecutor(options.executor, db, logger);
  const runner: Runner = await run({
    connectionString: options.databaseUrl,
    concurrency,
    maxPoolSize: concurrency + 2,
    noHandleSignals: true,
    pollInterval: options.pollIntervalMs ?? 2000,
    logger: graphileLoggerFor(logger.child({ component: "graphile-worker" })),
    taskList: buildTaskList(db, executor, { tickIntervalMs: options.tickIntervalMs ?? 5000 }),
  });
  // Make sure a tick is pending (the fixed key keeps it to one across replicas).
  await enqueueJob(db, "tick", {}, { jobKey: TICK_JOB_KEY, jobKeyMode: "preserve_run_at" });
  logger.info({ executor: executor.name, concurrency }, "scheduler started");

  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        logger.info("scheduler stopping");
        await runner.stop();
        await executor.shutdown();
        await logWriter.close();
        await db.$disconnect();
        logger.info("scheduler stopped");
      })();
      return stopping;
    },
  };
}
