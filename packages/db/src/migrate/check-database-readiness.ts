import type pg from "pg";
import { readMigrationStatus, type MigrationStatus } from "./read-migration-status";

/** One readiness check: `{ ok: true }` or `{ ok: false, message }` saying what is wrong and what to do. */
export interface ReadinessCheck {
  ok: boolean;
  message?: string;
}

/** What the database part of every process's `/readyz` reports. */
export interface DatabaseReadiness {
  database: ReadinessCheck;
  migrations: ReadinessCheck;
}

/** How long each readiness query may take. */
export const READINESS_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const messageOf = (err: unknown) => (err instanceof Error && err.message ? err.message : String((err as { code?: string })?.code ?? err));

/**
 * Why the database is not at this build's schema, or null when it is: the
 * failed and the pending migrations by name, with what to do about each.
 * `/readyz` of web and scheduler and `updraft-ops wait-for-migrations` say it alike.
 */
export function describeMigrationProblems(status: MigrationStatus): string | null {
  const problems: string[] = [];
  if (status.failed.length > 0) problems.push(`failed migrations: ${status.failed.join(", ")} (see the migrate job's log)`);
  if (status.pending.length > 0) problems.push(`pending migrations: ${status.pending.join(", ")} (run the migrate job)`);
  return problems.length === 0 ? null : problems.join("; ");
}

/**
 * The `database` (answers `SELECT 1` within 2 s) and `migrations` (every
 * migration this build ships is applied, none failed) checks of `/readyz`.
 * `pool` should be small (1–2 connections): probes are its only users.
 */
export async function checkDatabaseReadiness(
  pool: pg.Pool,
  options: { migrationsDir?: string; timeoutMs?: number } = {},
): Promise<DatabaseReadiness> {
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  try {
    await withTimeout(pool.query("SELECT 1"), timeoutMs, "the database");
  } catch (err) {
    return {
      database: { ok: false, message: `the database is not reachable: ${messageOf(err)}` },
      migrations: { ok: false, message: "not checked: the database is not reachable" },
    };
  }
  try {
    const status = await withTimeout(readMigrationStatus(pool, options.migrationsDir), timeoutMs, "the migration history");
    const problems = describeMigrationProblems(status);
    return { database: { ok: true }, migrations: problems === null ? { ok: true } : { ok: false, message: problems } };
  } catch (err) {
    return { database: { ok: true }, migrations: { ok: false, message: `could not read the migration history: ${messageOf(err)}` } };
  }
}
