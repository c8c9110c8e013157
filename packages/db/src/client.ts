import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;
/** The client handed to `db.$transaction(async (tx) => …)` callbacks. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** Either a client or a transaction: services accept both. */
export type DbOrTx = Db | Tx;

/** A Prisma client on the Postgres at `url` (node-postgres driver adapter). */
export function createDb(url: string, options: { max?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: url, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __updraftDb?: Db };

/**
 * The process-wide client on `DATABASE_URL`. Cached on globalThis so Next.js
 * hot reloads do not open a new pool per reload.
 */
export function getDb(): Db {
  if (!globalForDb.__updraftDb) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. Start Updraft with `npm start` (embedded Postgres) or set DATABASE_URL=postgres://user:pass@host:5432/db.",
      );
    }
    globalForDb.__updraftDb = createDb(url);
  }
  return globalForDb.__updraftDb;
}
