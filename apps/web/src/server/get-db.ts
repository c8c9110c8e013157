import { createDb, type Db } from "@updraft/db";
import { webAppEnv } from "../config/env";

const globalForDb = globalThis as unknown as { __updraftDb?: Db };

/**
 * The web app's process-wide client on `DATABASE_URL`. Cached on globalThis
 * so Next.js hot reloads do not open a new pool per reload.
 */
export function getDb(): Db {
  if (!globalForDb.__updraftDb) {
    const url = webAppEnv().DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. Start Updraft with `npm start` (embedded Postgres) or set DATABASE_URL=postgres://user:pass@host:5432/db.",
      );
    }
    globalForDb.__updraftDb = createDb(url);
  }
  return globalForDb.__updraftDb;
}
