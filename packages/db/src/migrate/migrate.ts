import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Logger } from "pino";
import { z } from "zod";
import { acquireMigrationLock, releaseMigrationLock } from "./advisory-lock";
import { checkMigrationHistory } from "./check-migration-history";
import { defaultMigrationsDir } from "./default-migrations-dir";
import { describePgError, redactUrl } from "./describe-pg-error";
import { readMigrationFiles, type MigrationFile } from "./migration-files";
import {
  ensurePrismaMigrationsTable,
  insertFailedMigration,
  insertStartedMigration,
  markMigrationFinished,
  readMigrationRows,
} from "./prisma-migrations-table";

export interface MigrateOptions {
  logger?: Logger;
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
  /** How long to wait for another process that is migrating the same database. Default 60 s. */
  lockTimeoutMs?: number;
}

export interface MigrateResult {
  /** Names of the migrations this call applied, in order (empty when up to date). */
  applied: string[];
}

const urlSchema = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL");

/**
 * Applies the pending migrations in `prisma/migrations/*\/migration.sql` to the
 * database at `url`, each in its own transaction, recording them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does. Safe to call
 * from several processes at once: they serialise on Prisma's advisory lock.
 */
export async function migrate(url: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const parsedUrl = urlSchema.safeParse(url);
  if (!parsedUrl.success) {
    throw new Error(`migrate(): the database URL ${parsedUrl.error.issues[0]?.message ?? "is invalid"}.`);
  }
  const logger = options.logger;
  const files = await readMigrationFiles(options.migrationsDir ?? defaultMigrationsDir());

  const client = new pg.Client({ connectionString: url });
  client.on("error", (error) => logger?.error({ err: error }, "migration connection error"));
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect to Postgres at ${redactUrl(url)} to migrate it: ${describePgError(error)}`);
  }

  const applied: string[] = [];
  try {
    await acquireMigrationLock(client, options.lockTimeoutMs ?? 60_000);
    try {
      await ensurePrismaMigrationsTable(client);
      const rows = await readMigrationRows(client);
      checkMigrationHistory(files, rows, logger);
      const done = new Set(rows.map((row) => row.migration_name));
      for (const file of files.filter((candidate) => !done.has(candidate.name))) {
        await applyMigration(client, file, logger);
        applied.push(file.name);
      }
    } finally {
      await releaseMigrationLock(client).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  if (applied.length === 0) logger?.debug("database schema is up to date");
  return { applied };
}

async function applyMigration(client: pg.Client, file: MigrationFile, logger?: Logger): Promise<void> {
  const startedAt = Date.now();
  const id = randomUUID();
  try {
    await client.query("BEGIN");
    await insertStartedMigration(client, { id, checksum: file.checksum, migrationName: file.name });
    await client.query(file.sql);
    await markMigrationFinished(client, id);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const reason = describePgError(error, file.sql);
    // Leave the same trace Prisma leaves for a failed migration, so both
    // Updraft and `prisma migrate` refuse to continue until it is resolved.
    await insertFailedMigration(client, {
      id: randomUUID(),
      checksum: file.checksum,
      migrationName: file.name,
      logs: reason,
    }).catch((recordError: unknown) =>
      logger?.error({ err: recordError }, "could not record the failed migration in _prisma_migrations"),
    );
    throw new Error(
      `Migration ${file.name} failed and was rolled back (nothing of it was applied): ${reason}. ` +
        `Fix ${file.path}, mark the attempt as rolled back with \`npx prisma migrate resolve --rolled-back ${file.name}\` ` +
        `(or UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${file.name}' AND finished_at IS NULL;) and run again.`,
    );
  }
  logger?.info({ migration: file.name, durationMs: Date.now() - startedAt }, "applied migration");
}
