import type pg from "pg";

/**
 * Prisma Migrate's bookkeeping table, with exactly the definition the schema
 * engine uses, so `prisma migrate deploy` can take over a database migrated
 * by Updraft's runner (and the other way round).
 */
export const CREATE_PRISMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

export async function ensurePrismaMigrationsTable(client: pg.ClientBase): Promise<void> {
  await client.query(CREATE_PRISMA_MIGRATIONS_TABLE);
}

/** Rows that count (Prisma ignores rows marked rolled back), oldest first. */
export async function readMigrationRows(client: pg.ClientBase): Promise<MigrationRow[]> {
  const result = await client.query<MigrationRow>(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM "_prisma_migrations"
      WHERE rolled_back_at IS NULL
      ORDER BY started_at, migration_name`,
  );
  return result.rows;
}

export async function insertStartedMigration(
  client: pg.ClientBase,
  row: { id: string; checksum: string; migrationName: string },
): Promise<void> {
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [row.id, row.checksum, row.migrationName],
  );
}

export async function markMigrationFinished(client: pg.ClientBase, id: string): Promise<void> {
  await client.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}

/** Prisma's record of a failed migration: finished_at stays NULL, logs hold the error. */
export async function insertFailedMigration(
  client: pg.ClientBase,
  row: { id: string; checksum: string; migrationName: string; logs: string },
): Promise<void> {
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
     VALUES ($1, $2, $3, $4, now(), 0)`,
    [row.id, row.checksum, row.migrationName, row.logs],
  );
}
