import { checkDatabaseReadiness, type ReadinessCheck } from "@updraft/db/migration-status";
import type pg from "pg";

export type { ReadinessCheck };

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, ReadinessCheck>;
}

export type CheckReadiness = () => Promise<ReadinessReport>;

/**
 * What the web's `/readyz` checks: the database answers and has every
 * migration this build ships (see checkDatabaseReadiness). `pool` should be
 * small (1–2 connections): probes are its only users.
 */
export function createReadinessCheck(options: { pool: pg.Pool; migrationsDir?: string; timeoutMs?: number }): CheckReadiness {
  return async () => {
    const checks: Record<string, ReadinessCheck> = { ...(await checkDatabaseReadiness(options.pool, options)) };
    return { ready: Object.values(checks).every((check) => check.ok), checks };
  };
}
