import { readMigrationStatus } from "@updraft/db/migration-status";
import type pg from "pg";

export interface ReadinessCheck {
  ok: boolean;
  message?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, ReadinessCheck>;
}

export type CheckReadiness = () => Promise<ReadinessReport>;

class TimedOut extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  if (error instanceof TimedOut) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return message || (error as { code?: string }).code || "unknown error";
}

/**
 * What `/readyz` checks: the database answers `SELECT 1` within `timeoutMs`
 * (2 s), and it has every migration this build ships (none pending, none
 * failed). `pool` should be small (1–2 connections): probes are its only users.
 */
export function createReadinessCheck(options: {
  pool: pg.Pool;
  migrationsDir?: string;
  timeoutMs?: number;
}): CheckReadiness {
  const { pool, migrationsDir } = options;
  const timeoutMs = options.timeoutMs ?? 2000;
  return async () => {
    const checks: Record<string, ReadinessCheck> = {};
    try {
      await withTimeout(pool.query("SELECT 1"), timeoutMs, "SELECT 1");
      checks.database = { ok: true };
    } catch (error) {
      checks.database = { ok: false, message: `database unreachable: ${describe(error)}` };
      checks.migrations = { ok: false, message: "not checked: the database is unreachable" };
      return { ready: false, checks };
    }
    try {
      const { pending, failed } = await withTimeout(readMigrationStatus(pool, migrationsDir), timeoutMs, "reading the migration status");
      const problems = [
        ...(failed.length ? [`failed: ${failed.join(", ")}`] : []),
        ...(pending.length ? [`pending: ${pending.join(", ")}`] : []),
      ];
      checks.migrations = problems.length ? { ok: false, message: problems.join("; ") } : { ok: true };
    } catch (error) {
      checks.migrations = { ok: false, message: `could not read the migration status: ${describe(error)}` };
    }
    return { ready: Object.values(checks).every((check) => check.ok), checks };
  };
}
