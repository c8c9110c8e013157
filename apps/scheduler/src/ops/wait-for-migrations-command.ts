import { setTimeout as sleep } from "node:timers/promises";
import { describeMigrationProblems, readMigrationStatus } from "@updraft/db/migration-status";
import pg from "pg";
import type { Logger } from "pino";
import type { OpsIo } from "./ops-io";
import { readWaitEnv } from "./read-ops-env";

const POLL_MS = 2000;

/**
 * `updraft-ops wait-for-migrations`: returns 0 once the database has every
 * migration this image ships (what /readyz checks too), polling every 2 s,
 * so an init container holds a pod back until the migration Job is done.
 * A failed migration is logged as a warning and waited out too (the fix is a
 * new migration Job); only the deadline ends the wait, with exit 1.
 */
export async function waitForMigrationsCommand(env: NodeJS.ProcessEnv, io: OpsIo, logger: Logger): Promise<number> {
  const settings = readWaitEnv(env);
  if (!settings.ok) {
    io.err(`updraft-ops wait-for-migrations: invalid settings:\n${settings.message}\n`);
    return 2;
  }
  const deadline = Date.now() + settings.env.UPDRAFT_WAIT_TIMEOUT_SECONDS * 1000;
  let lastReason = "";
  for (;;) {
    const reason = await notReadyReason(settings.env.DATABASE_URL, settings.env.UPDRAFT_MIGRATIONS_DIR);
    if (reason === null) {
      logger.info("every migration is applied");
      return 0;
    }
    if (reason !== lastReason) {
      if (reason.startsWith("failed migrations")) logger.warn({ reason }, "a migration failed: look at the migration Job's log; waiting for a fixed one");
      else logger.info({ reason }, "waiting for the migrations");
    }
    lastReason = reason;
    if (Date.now() >= deadline) {
      io.err(`updraft-ops wait-for-migrations: gave up after ${settings.env.UPDRAFT_WAIT_TIMEOUT_SECONDS} s: ${reason}. Did the migration Job run?\n`);
      return 1;
    }
    await sleep(POLL_MS);
  }
}

async function notReadyReason(url: string, migrationsDir: string | undefined): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return describeMigrationProblems(await readMigrationStatus(client, migrationsDir));
  } catch (error) {
    return `database not reachable: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
