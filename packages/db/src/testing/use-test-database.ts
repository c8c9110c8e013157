import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "../client";
import "./provided-context";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database";

export interface TestDatabase {
  /** Prisma client on this file's database (available from beforeAll on). */
  readonly db: Db;
  /** postgres://… URL of this file's database. */
  readonly url: string;
}

/**
 * A fresh, migrated database for the calling test file (or describe block):
 * created in beforeAll as a clone of the template, dropped in afterAll.
 * Call it at the top level of the file, not inside a test.
 */
export function useTestDatabase(): TestDatabase {
  let database: ScratchDatabase | undefined;
  let db: Db | undefined;

  beforeAll(async () => {
    database = await createScratchDatabase(requireTestPostgresUrl());
    db = createDb(database.url, { max: 5 });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  return {
    get db(): Db {
      if (!db) throw new Error("useTestDatabase(): the database exists only inside tests and hooks (after beforeAll).");
      return db;
    },
    get url(): string {
      if (!database) throw new Error("useTestDatabase(): the database exists only inside tests and hooks (after beforeAll).");
      return database.url;
    },
  };
}

/** The shared test server's admin URL, provided by the global setup. */
export function requireTestPostgresUrl(): string {
  const url = inject("updraftPgUrl");
  if (!url) {
    throw new Error(
      "No test Postgres: add globalSetup: [\"../../packages/db/src/testing/global-setup.ts\"] to this workspace's vitest.config.ts.",
    );
  }
  return url;
}
