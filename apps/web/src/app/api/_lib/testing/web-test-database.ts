import { createHash, randomBytes } from "node:crypto";
import { createDb, type Db, type Role } from "@updraft/db";
import { createScratchDatabase, startTestPostgres, type ScratchDatabase, type TestPostgres } from "@updraft/db/testing";
import { afterAll, beforeAll, inject } from "vitest";

/**
 * A fresh migrated database for one apps/web test file: on the run's shared
 * test Postgres when the vitest config has the db package's globalSetup,
 * otherwise on a throwaway server of its own. Also points DATABASE_URL at it,
 * so route handlers that call getDb() use it.
 */
export function useWebTestDatabase(): { readonly db: Db; readonly url: string } {
  let postgres: TestPostgres | undefined;
  let database: ScratchDatabase | undefined;
  let db: Db | undefined;

  beforeAll(async () => {
    const shared = inject("updraftPgUrl");
    if (shared) {
      database = await createScratchDatabase(shared);
    } else {
      postgres = await startTestPostgres();
      database = await postgres.createDatabase();
    }
    db = createDb(database.url, { max: 5 });
    process.env.DATABASE_URL = database.url;
  });

  afterAll(async () => {
    const cached = globalThis as unknown as { __updraftDb?: Db };
    await cached.__updraftDb?.$disconnect();
    delete cached.__updraftDb;
    await db?.$disconnect();
    await database?.drop();
    await postgres?.stop();
  });

  return {
    get db(): Db {
      if (!db) throw new Error("useWebTestDatabase(): the database exists only inside tests and hooks.");
      return db;
    },
    get url(): string {
      if (!database) throw new Error("useWebTestDatabase(): the database exists only inside tests and hooks.");
      return database.url;
    },
  };
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Stores an API token the way the tokens page does (sha256 + prefix) and returns its text. */
export async function createTestApiToken(
  db: Db,
  input: { tenantId: string; name: string; role: Role; expiresAt?: Date; revokedAt?: Date | null },
): Promise<{ id: string; token: string }> {
  const token = `upd_${Array.from(randomBytes(40), (byte) => BASE62[byte % 62]).join("")}`;
  const row = await db.apiToken.create({
    data: {
      tenantId: input.tenantId,
      name: input.name,
      role: input.role,
      tokenHash: createHash("sha256").update(token, "utf8").digest("hex"),
      tokenPrefix: token.slice(0, 12),
      expiresAt: input.expiresAt ?? new Date(Date.now() + 30 * 24 * 60 * 60 * 1000),
      revokedAt: input.revokedAt ?? null,
    },
  });
  return { id: row.id, token };
}
