import { Logger, runMigrations } from "graphile-worker";

const silentLogger = new Logger(() => () => {});

/**
 * Installs graphile-worker's schema (`graphile_worker`, the job queue the
 * services enqueue into) in a test database. In production the scheduler
 * installs it at start (apps/scheduler/src/jobs/ensure-job-queue.ts); nothing
 * else at run time depends on graphile-worker's code.
 */
export async function ensureJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: silentLogger });
}
