import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository's `prisma/migrations` folder (this file is
 * packages/db/src/migrate/default-migrations-dir.ts). Built with path.join
 * rather than `new URL(…, import.meta.url)` so bundlers do not try to bundle
 * the folder as an asset.
 */
export function defaultMigrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "prisma", "migrations");
}
