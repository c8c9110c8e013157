import { Logger, runMigrations } from "graphile-worker";

const silentLogger = new Logger(() => () => {});

/**
 * Installs or upgrades graphile-worker's schema (`graphile_worker`), which
 * holds the scheduler's job queue. Safe to call from several processes at once.
 */
export async function ensureJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: silentLogger });
}
