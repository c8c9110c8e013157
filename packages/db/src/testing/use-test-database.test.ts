import pg from "pg";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../embedded/postgres-url";
import { createScratchDatabase, TEMPLATE_DATABASE } from "./scratch-database";
import { requireTestPostgresUrl, useTestDatabase } from "./use-test-database";

const database = useTestDatabase();

describe("useTestDatabase", () => {
  it("gives the test file its own empty, migrated database", async () => {
    expect(database.url).toMatch(/\/t_[0-9a-f]{16}$/);
    expect(await database.db.user.count()).toBe(0);
    const applied = await database.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "_prisma_migrations"`;
    expect(Number(applied[0]?.count)).toBeGreaterThan(0);
  });

  it("keeps everyone off the template so clones never fail", async () => {
    const client = new pg.Client({ connectionString: withDatabase(requireTestPostgresUrl(), TEMPLATE_DATABASE) });
    await expect(client.connect()).rejects.toThrow(/not currently accepting connections/);
  });

  it("clones many databases at once", async () => {
    const clones = await Promise.all(Array.from({ length: 8 }, () => createScratchDatabase(requireTestPostgresUrl())));
    expect(new Set(clones.map((clone) => clone.name)).size).toBe(8);
    await Promise.all(clones.map((clone) => clone.drop()));
  });
});
