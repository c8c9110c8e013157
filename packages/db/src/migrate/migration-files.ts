import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { migrationChecksum } from "./migration-checksum";

/** One `<migrations>/<name>/migration.sql`, as Prisma Migrate lays them out. */
export interface MigrationFile {
  /** The folder name, e.g. `20261121000000_init`; recorded as `migration_name`. */
  name: string;
  path: string;
  sql: string;
  checksum: string;
}

/** Every migration in `migrationsDir`, in name order (the order Prisma applies them). */
export async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await readdir(migrationsDir, { withFileTypes: true });
  } catch (error) {
    throw new Error(
      `Cannot read the migrations folder ${migrationsDir}: ${(error as Error).message}. ` +
        "Run Updraft from its repository checkout, or pass migrationsDir to migrate().",
    );
  }
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const files: MigrationFile[] = [];
  for (const name of names) {
    const path = join(migrationsDir, name, "migration.sql");
    const exists = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!exists) {
      throw new Error(
        `Migration folder ${join(migrationsDir, name)} has no migration.sql. ` +
          "Every folder in prisma/migrations must contain one; delete the empty folder or add the file.",
      );
    }
    const sql = await readFile(path, "utf8");
    files.push({ name, path, sql, checksum: migrationChecksum(sql) });
  }
  return files;
}
