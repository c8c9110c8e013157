import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository's `prisma/migrations` folder (this file is
 * packages/db/src/migrate/default-migrations-dir.ts). The container images
 * keep the migrations in /app/prisma/migrations, away from the bundled code:
 * the apps pass that folder in (UPDRAFT_MIGRATIONS_DIR, read by each app's
 * env.ts) as `migrationsDir`. Built with path.join
 * rather than `new URL(…, import.meta.url)` so bundlers do not try to bundle
 * the folder as an asset.
 */
export function defaultMigrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "prisma", "migrations");
}
