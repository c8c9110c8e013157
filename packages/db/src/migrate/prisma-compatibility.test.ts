import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prismaMigrateDeploy } from "../prisma-engine/prisma-schema-engine";
import { createScratchDatabase, requireTestPostgresUrl, type ScratchDatabase } from "../testing";
import { defaultMigrationsDir } from "./default-migrations-dir";
import { migrate } from "./migrate";

// Prisma's own migration engine (WebAssembly build) stands in for
// `prisma migrate deploy`, which a user with internet access may switch to.

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "prisma", "schema.prisma");
const scratch: ScratchDatabase[] = [];

async function emptyDatabase(): Promise<string> {
  const database = await createScratchDatabase(requireTestPostgresUrl(), { template: null });
  scratch.push(database);
  return database.url;
}

async function bookkeeping(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = '"_prisma_migrations"'::regclass AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
    );
    const primaryKey = await client.query(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE conrelid = '"_prisma_migrations"'::regclass AND contype = 'p'`,
    );
    const rows = await client.query(
      `SELECT migration_name, checksum, applied_steps_count, logs, rolled_back_at, finished_at IS NOT NULL AS finished
         FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return { columns: columns.rows, primaryKey: primaryKey.rows, rows: rows.rows };
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await Promise.all(scratch.map((database) => database.drop()));
});

describe("compatibility with prisma migrate deploy", () => {
  it("prisma migrate deploy finds nothing to do on a database Updraft migrated", async () => {
    const url = await emptyDatabase();
    await migrate(url);

    expect(await prismaMigrateDeploy(schemaPath, defaultMigrationsDir(), url)).toEqual([]);
  });

  it("Updraft finds nothing to do on a database prisma migrate deploy migrated, and both keep identical records", async () => {
    const byPrisma = await emptyDatabase();
    const byUpdraft = await emptyDatabase();
    const applied = await prismaMigrateDeploy(schemaPath, defaultMigrationsDir(), byPrisma);
    expect(applied.length).toBeGreaterThan(0);

    expect(await migrate(byPrisma)).toEqual({ applied: [] });

    expect(await migrate(byUpdraft)).toEqual({ applied });
    expect(await bookkeeping(byUpdraft)).toEqual(await bookkeeping(byPrisma));
  });
});
