import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "./migrate";
import { compareDatabaseWithSchema } from "./schema-drift/compare-database-with-schema";
import { diffDatabaseShapes } from "./schema-drift/diff-database-shapes";
import { prismaSqlFromEmpty } from "./prisma-engine/prisma-schema-engine";
import { readDatabaseShape } from "./schema-drift/read-database-shape";
import { createScratchDatabase, requireTestPostgresUrl, type ScratchDatabase } from "./testing";

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "prisma", "schema.prisma");
const scratch: ScratchDatabase[] = [];

async function database(template: "migrated" | "empty"): Promise<ScratchDatabase> {
  const created = await createScratchDatabase(requireTestPostgresUrl(), template === "empty" ? { template: null } : {});
  scratch.push(created);
  return created;
}

async function run(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await Promise.all(scratch.map((created) => created.drop()));
});

describe("schema drift", () => {
  it("a freshly migrated database matches prisma/schema.prisma exactly", async () => {
    const { url } = await database("empty");
    await migrate(url);

    expect(await compareDatabaseWithSchema(url, schemaPath)).toEqual([]);
  });

  it("the migrations build the same database Prisma's own schema engine builds from schema.prisma", async () => {
    const fromPrisma = await database("empty");
    const fromMigrations = await database("migrated");
    await run(fromPrisma.url, await prismaSqlFromEmpty(schemaPath, fromPrisma.url));

    const differences = diffDatabaseShapes(await readDatabaseShape(fromPrisma.url), await readDatabaseShape(fromMigrations.url), {
      expected: "Prisma's SQL gives",
      actual: "the migrations give",
      actualName: "the migrations",
      expectedName: "Prisma's SQL",
    });
    expect(differences).toEqual([]);
  });

  it("reports every way the database can drift from the schema, in words", async () => {
    const { url } = await database("migrated");
    await run(
      url,
      `ALTER TABLE "dag_runs" ALTER COLUMN "conf" DROP NOT NULL;
       ALTER TABLE "task_instances" DROP COLUMN "message";
       ALTER TABLE "dag_versions" ALTER COLUMN "sha256" TYPE VARCHAR(64);
       ALTER TABLE "dags" ALTER COLUMN "timezone" SET DEFAULT 'Europe/Berlin';
       ALTER TABLE "users" ADD COLUMN "nickname" TEXT;
       CREATE INDEX "users_name_idx" ON "users"("name");
       DROP INDEX "dag_runs_dag_db_id_created_at_idx";
       CREATE INDEX "dag_runs_dag_db_id_created_at_idx" ON "dag_runs"("created_at", "dag_db_id");
       DROP INDEX "tenants_slug_key";
       ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_fkey";
       ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
       ALTER TYPE "LogStream" ADD VALUE 'DEBUG';
       CREATE TABLE "scratch" ("id" INTEGER);`,
    );

    expect((await compareDatabaseWithSchema(url, schemaPath)).sort()).toEqual(
      [
        "enum LogStream: schema says values (STDOUT, STDERR, SYSTEM), database has (STDOUT, STDERR, SYSTEM, DEBUG)",
        "column users.nickname: in the database but not in the schema (text NULL)",
        "index users.users_name_idx: in the database but not in the schema (INDEX (name))",
        "foreign key sessions.sessions_user_id_fkey: schema says (user_id) REFERENCES users(id) ON DELETE CASCADE ON UPDATE CASCADE, database has (user_id) REFERENCES users(id) ON DELETE RESTRICT ON UPDATE CASCADE",
        "index tenants.tenants_slug_key: missing from the database (schema says UNIQUE INDEX (slug))",
        'column dags.timezone: schema says DEFAULT \'UTC\', database has DEFAULT \'Europe/Berlin\'',
        "column dag_versions.sha256: schema says character(64) NOT NULL, database has character varying(64) NOT NULL",
        "column dag_runs.conf: schema says jsonb NOT NULL, database has jsonb NULL",
        "index dag_runs.dag_runs_dag_db_id_created_at_idx: schema says INDEX (dag_db_id, created_at), database has INDEX (created_at, dag_db_id)",
        "column task_instances.message: missing from the database (schema says text NULL)",
        "table scratch: in the database but not in the schema",
      ].sort(),
    );
  });

  it("reports schema changes that have no migration yet", async () => {
    const { url } = await database("migrated");
    const dir = await mkdtemp(join(tmpdir(), "updraft-schema-"));
    try {
      const changedSchema = join(dir, "schema.prisma");
      await copyFile(schemaPath, changedSchema);
      const source = await readFile(changedSchema, "utf8");
      await writeFile(
        changedSchema,
        source
          .replace("  name            String?\n", "  name            String?\n  locale          String       @default(\"en\")\n")
          .replace("  @@index([triggeredById])\n  @@map(\"dag_runs\")", "  @@index([triggeredById, createdAt])\n  @@map(\"dag_runs\")")
          .replace("enum LogStream {\n  STDOUT", "enum LogStream {\n  DEBUG\n  STDOUT"),
      );

      expect((await compareDatabaseWithSchema(url, changedSchema)).sort()).toEqual(
        [
          "column users.locale: missing from the database (schema says text NOT NULL)",
          "enum LogStream: schema says values (DEBUG, STDOUT, STDERR, SYSTEM), database has (STDOUT, STDERR, SYSTEM)",
          "index dag_runs.dag_runs_triggered_by_id_created_at_idx: missing from the database (schema says INDEX (triggered_by_id, created_at))",
          "index dag_runs.dag_runs_triggered_by_id_idx: in the database but not in the schema (INDEX (triggered_by_id))",
        ].sort(),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
