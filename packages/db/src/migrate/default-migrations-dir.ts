import { fileURLToPath } from "node:url";

/** The repository's `prisma/migrations` folder (this file is packages/db/src/migrate/…). */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL("../../../../prisma/migrations", import.meta.url));
}
