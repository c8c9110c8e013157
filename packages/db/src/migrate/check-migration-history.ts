import type { Logger } from "pino";
import { scriptMatchesChecksum } from "./migration-checksum";
import type { MigrationFile } from "./migration-files";
import type { MigrationRow } from "./prisma-migrations-table";

/**
 * Refuses to migrate when the recorded history and the migration files
 * disagree in a way Prisma Migrate would also refuse: a failed migration
 * that nobody resolved, or an applied migration whose file was edited.
 */
export function checkMigrationHistory(files: MigrationFile[], rows: MigrationRow[], logger?: Logger): void {
  const failed = rows.filter((row) => row.finished_at === null);
  if (failed.length > 0) {
    const row = failed[0]!;
    throw new Error(
      `Migration ${row.migration_name} failed earlier (started ${row.started_at.toISOString()}) and is recorded as failed ` +
        `in _prisma_migrations, so no further migrations are applied.` +
        (row.logs ? ` The error was: ${row.logs.trim()}.` : "") +
        ` To continue: fix the migration, then mark the failed attempt as rolled back with ` +
        `\`npx prisma migrate resolve --rolled-back ${row.migration_name}\` (or run ` +
        `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${row.migration_name}' AND finished_at IS NULL;) ` +
        `and start again. Updraft applies each migration in a transaction, so a migration that failed under Updraft left no changes behind.`,
    );
  }

  const filesByName = new Map(files.map((file) => [file.name, file]));
  const edited: string[] = [];
  for (const row of rows) {
    const file = filesByName.get(row.migration_name);
    if (!file) {
      logger?.warn(
        { migration: row.migration_name },
        "the database has a migration that is not in the migrations folder (was it applied by a newer Updraft?)",
      );
      continue;
    }
    if (!scriptMatchesChecksum(file.sql, row.checksum)) {
      edited.push(
        `${row.migration_name} (applied with checksum ${row.checksum}, ${file.path} now has ${file.checksum})`,
      );
    }
  }
  if (edited.length > 0) {
    throw new Error(
      `Applied migration${edited.length > 1 ? "s were" : " was"} modified after being applied to this database: ` +
        `${edited.join("; ")}. Applied migrations must never change: restore the original file ` +
        "(e.g. `git checkout -- prisma/migrations`) and put the change into a new migration folder.",
    );
  }
}
