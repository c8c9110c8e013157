import { migrate } from "@updraft/db";
import { ensureJobQueue } from "../jobs/ensure-job-queue";
import type { Logger } from "pino";
import { ensurePlatformAdmin } from "./ensure-platform-admin";
import type { OpsIo } from "./ops-io";
import { readMigrateEnv } from "./read-ops-env";

/**
 * `updraft-ops migrate`: the database schema, the job queue's schema, and the
 * first platform admin (when UPDRAFT_ADMIN_EMAIL/PASSWORD are set). Every
 * step is idempotent, so the migration Job of every release runs it again.
 */
export async function migrateCommand(env: NodeJS.ProcessEnv, io: OpsIo, logger: Logger): Promise<number> {
  const settings = readMigrateEnv(env);
  if (!settings.ok) {
    io.err(`updraft-ops migrate: invalid settings:\n${settings.message}\n`);
    return 2;
  }
  const { DATABASE_URL: url, UPDRAFT_ADMIN_EMAIL: email, UPDRAFT_ADMIN_PASSWORD: password, UPDRAFT_SEED_DEMO: seedDemo } = settings.env;
  try {
    const { applied } = await migrate(url, { logger, migrationsDir: settings.env.UPDRAFT_MIGRATIONS_DIR });
    logger.info({ applied }, applied.length === 0 ? "database schema is up to date" : `applied ${applied.length} migration(s)`);
    await ensureJobQueue(url);
    logger.info("job queue schema is up to date");
    if (email && password) {
      const admin = await ensurePlatformAdmin(url, { email, password, seedDemo });
      logger.info(
        { admin: admin.email, demoTenant: admin.demoTenant },
        admin.kind === "created" ? "created the platform admin" : "the platform admin exists already (left unchanged)",
      );
    } else {
      logger.info("UPDRAFT_ADMIN_EMAIL/UPDRAFT_ADMIN_PASSWORD not set: no platform admin created");
    }
    return 0;
  } catch (error) {
    io.err(`updraft-ops migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
