import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createScratchDatabase, requireTestPostgresUrl, type ScratchDatabase } from "../testing";
import { defaultMigrationsDir } from "./default-migrations-dir";
import { migrate } from "./migrate";

const scratch: ScratchDatabase[] = [];
const tempDirs: string[] = [];

async function emptyDatabase(): Promise<ScratchDatabase> {
  const database = await createScratchDatabase(requireTestPostgresUrl(), { template: null });
  scratch.push(database);
  return database;
}

/** A copy of the real migrations folder that a test may change. */
async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "updraft-migrations-"));
  tempDirs.push(dir);
  await cp(defaultMigrationsDir(), dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(join(dir, name));
  await writeFile(join(dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function realMigrationNames(): Promise<string[]> {
  const entries = await readdir(defaultMigrationsDir(), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

afterAll(async () => {
  await Promise.all(scratch.map((database) => database.drop()));
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("migrate()", () => {
  it("applies every migration to an empty database, and nothing on the next run", async () => {
    const { url } = await emptyDatabase();
    const names = await realMigrationNames();
    expect(names.length).toBeGreaterThan(0);

    expect(await migrate(url)).toEqual({ applied: names });
    expect(await migrate(url)).toEqual({ applied: [] });

    const tables = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((row) => row.tablename)).toEqual(
      expect.arrayContaining(["users", "tenants", "dags", "dag_runs", "task_instances", "task_logs", "_prisma_migrations"]),
    );
  });

  it("records applied migrations in _prisma_migrations exactly as Prisma Migrate does", async () => {
    const { url } = await emptyDatabase();
    await migrate(url);

    const columns = await query<{ column_name: string; type: string; is_nullable: string; column_default: string | null }>(
      url,
      `SELECT column_name, format_type(a.atttypid, a.atttypmod) AS type, c.is_nullable, c.column_default
         FROM information_schema.columns c
         JOIN pg_attribute a ON a.attrelid = '"_prisma_migrations"'::regclass AND a.attname = c.column_name
        WHERE c.table_name = '_prisma_migrations' ORDER BY c.ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", type: "character varying(36)", is_nullable: "NO", column_default: null },
      { column_name: "checksum", type: "character varying(64)", is_nullable: "NO", column_default: null },
      { column_name: "finished_at", type: "timestamp with time zone", is_nullable: "YES", column_default: null },
      { column_name: "migration_name", type: "character varying(255)", is_nullable: "NO", column_default: null },
      { column_name: "logs", type: "text", is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", type: "timestamp with time zone", is_nullable: "YES", column_default: null },
      { column_name: "started_at", type: "timestamp with time zone", is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", type: "integer", is_nullable: "NO", column_default: "0" },
    ]);

    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      logs: string | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(url, 'SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
    const names = await realMigrationNames();
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = await readFile(join(defaultMigrationsDir(), row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies each migration once when two processes migrate the same database at the same time", async () => {
    const { url } = await emptyDatabase();
    const names = await realMigrationNames();

    const [first, second] = await Promise.all([migrate(url), migrate(url)]);

    expect([...first.applied, ...second.applied].sort()).toEqual(names);
    const rows = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(rows).toHaveLength(names.length);
  });

  it("applies migrations added later, in name order", async () => {
    const { url } = await emptyDatabase();
    const dir = await migrationsCopy();
    await migrate(url, { migrationsDir: dir });

    await addMigration(dir, "29990102000000_add_b", 'ALTER TABLE "tenants" ADD COLUMN "b" TEXT;');
    await addMigration(dir, "29990101000000_add_a", 'ALTER TABLE "tenants" ADD COLUMN "a" TEXT;');

    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: ["29990101000000_add_a", "29990102000000_add_b"] });
    const columns = await query<{ column_name: string }>(
      url,
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'tenants' ORDER BY ordinal_position",
    );
    expect(columns.map((row) => row.column_name).slice(-2)).toEqual(["a", "b"]);
  });

  it("refuses to run when an applied migration was edited, but tolerates changed line endings", async () => {
    const { url } = await emptyDatabase();
    const dir = await migrationsCopy();
    const [firstName] = await realMigrationNames();
    const file = join(dir, firstName!, "migration.sql");
    await migrate(url, { migrationsDir: dir });

    const original = await readFile(file, "utf8");
    await writeFile(file, original.replaceAll("\n", "\r\n"));
    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: [] });

    await writeFile(file, `${original}\nALTER TABLE "users" ADD COLUMN "nickname" TEXT;\n`);
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`migration was modified after being applied to this database: ${firstName}`),
    );
  });

  it("rolls back a failing migration, records it as failed, and refuses to continue until it is resolved", async () => {
    const { url } = await emptyDatabase();
    const dir = await migrationsCopy();
    await migrate(url, { migrationsDir: dir });

    const broken = "29990101000000_broken";
    await addMigration(dir, broken, 'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n');
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      /Migration 29990101000000_broken failed and was rolled back .*relation "no_such_table" does not exist.*at line 2/,
    );

    const tables = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE tablename = 'half_done'");
    expect(tables).toEqual([]);
    const failed = await query<{ finished_at: Date | null; logs: string }>(
      url,
      `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = '${broken}'`,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]?.finished_at).toBeNull();
    expect(failed[0]?.logs).toMatch(/no_such_table/);

    // Fixing the file is not enough: like Prisma, the failure must be resolved first.
    await writeFile(join(dir, broken, "migration.sql"), 'CREATE TABLE "half_done" ("id" INTEGER);\n');
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      /Migration 29990101000000_broken failed earlier .*prisma migrate resolve --rolled-back 29990101000000_broken/,
    );

    await query(url, `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${broken}' AND finished_at IS NULL`);
    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: [broken] });
  });

  it("explains a database URL it cannot connect to", async () => {
    const url = new URL(requireTestPostgresUrl());
    url.password = "wrong-password";
    await expect(migrate(url.toString())).rejects.toThrow(/Cannot connect to Postgres at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1/);
    await expect(migrate("mysql://localhost/x")).rejects.toThrow(/postgres:\/\/ or postgresql:\/\/ connection URL/);
  });
});
