import { readMigrationStatus } from "@updraft/db/migration-status";
import type pg from "pg";
import type { HealthCheck } from "./health-types";

/** How long the database check waits for `SELECT 1`. */
export const DATABASE_CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** `SELECT 1` within 2 s. */
export async function checkDatabase(pool: pg.Pool): Promise<HealthCheck> {
  try {
    await withTimeout(pool.query("SELECT 1"), DATABASE_CHECK_TIMEOUT_MS, "the database");
    return { ok: true };
  } catch (err) {
    return { ok: false, message: `the database is not reachable: ${messageOf(err)}` };
  }
}

/** Every migration shipped with this build applied, none failed; the message names the ones that are not. */
export async function checkMigrations(pool: pg.Pool, migrationsDir?: string): Promise<HealthCheck> {
  try {
    const status = await withTimeout(readMigrationStatus(pool, migrationsDir), DATABASE_CHECK_TIMEOUT_MS, "the migration history");
    const problems: string[] = [];
    if (status.failed.length > 0) problems.push(`failed migrations: ${status.failed.join(", ")} (see the migrate job's log)`);
    if (status.pending.length > 0) problems.push(`pending migrations: ${status.pending.join(", ")} (run the migrate job)`);
    return problems.length === 0 ? { ok: true } : { ok: false, message: problems.join("; ") };
  } catch (err) {
    return { ok: false, message: `could not read the migration history: ${messageOf(err)}` };
  }
}
