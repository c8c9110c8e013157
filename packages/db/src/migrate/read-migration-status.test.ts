import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createScratchDatabase, requireTestPostgresUrl, type ScratchDatabase } from "../testing";
import { defaultMigrationsDir } from "./default-migrations-dir";
import { migrate } from "./migrate";
import { readMigrationStatus } from "./read-migration-status";

describe("readMigrationStatus (what /readyz checks)", () => {
  const scratch: ScratchDatabase[] = [];
  afterAll(async () => {
    await Promise.all(scratch.map((database) => database.drop()));
  });
  async function database(template?: null): Promise<ScratchDatabase> {
    const created = await createScratchDatabase(requireTestPostgresUrl(), template === null ? { template: null } : {});
    scratch.push(created);
    return created;
  }

  async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  it("an empty database has every shipped migration pending; a migrated one has none", async () => {
    const empty = await database(null);
    const before = await withClient(empty.url, (client) => readMigrationStatus(client));
    expect(before.pending.length).toBeGreaterThan(3);
    expect(before.pending[0]).toMatch(/_init$/);
    expect(before.failed).toEqual([]);

    await migrate(empty.url);
    const after = await withClient(empty.url, (client) => readMigrationStatus(client));
    expect(after).toEqual({ pending: [], failed: [] });
  });

  it("names a migration this build ships that the database does not have, and a failed one", async () => {
    const migrated = await database();
    const dir = mkdtempSync(join(tmpdir(), "updraft-migrations-"));
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    mkdirSync(join(dir, "29990101000000_future"));
    writeFileSync(join(dir, "29990101000000_future", "migration.sql"), "SELECT 1;");
    const status = await withClient(migrated.url, async (client) => {
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('x', 'c', '29990101000000_future', now())`,
      );
      return readMigrationStatus(client, dir);
    });
    expect(status).toEqual({ pending: ["29990101000000_future"], failed: ["29990101000000_future"] });
  });
});
