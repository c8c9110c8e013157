import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `UPDRAFT_MIGRATIONS_DIR` when set (the container images keep the
 * migrations in /app/prisma/migrations, away from the bundled code), else the
 * repository's `prisma/migrations` folder (this file is
 * packages/db/src/migrate/default-migrations-dir.ts). Built with path.join
 * rather than `new URL(…, import.meta.url)` so bundlers do not try to bundle
 * the folder as an asset.
 */
export function defaultMigrationsDir(): string {
  const fromEnv = process.env.UPDRAFT_MIGRATIONS_DIR;
  if (fromEnv) return fromEnv;
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "prisma", "migrations");
}
