import { readdir } from "node:fs/promises";
import type pg from "pg";
import { defaultMigrationsDir } from "./default-migrations-dir";

export interface MigrationStatus {
  /** Migration folders with no finished row in `_prisma_migrations`, in the order they would be applied. */
  pending: string[];
  /** Migrations that were started and neither finished nor rolled back (failed, or being applied right now). */
  failed: string[];
}

const UNDEFINED_TABLE = "42P01";

/**
 * Which of the migrations shipped with this build the database has not
 * applied: what `/readyz` checks so a process never serves a schema older
 * than its code. Reads only folder names, so it is cheap enough for every
 * probe. A database without `_prisma_migrations` has every migration pending.
 */
export async function readMigrationStatus(
  client: pg.ClientBase | pg.Pool,
  migrationsDir: string = defaultMigrationsDir(),
): Promise<MigrationStatus> {
  const shipped = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  let rows: { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[];
  try {
    rows = (
      await client.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`,
      )
    ).rows;
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return { pending: shipped, failed: [] };
    throw error;
  }
  const finished = new Set(rows.filter((row) => row.finished_at !== null).map((row) => row.migration_name));
  const failed = rows
    .filter((row) => row.finished_at === null && row.rolled_back_at === null && !finished.has(row.migration_name))
    .map((row) => row.migration_name);
  return { pending: shipped.filter((name) => !finished.has(name)), failed: [...new Set(failed)].sort() };
}
