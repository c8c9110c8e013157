import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createScratchDatabase, requireTestPostgresUrl, type ScratchDatabase } from "../testing";
import { checkDatabaseReadiness, describeMigrationProblems } from "./check-database-readiness";

describe("checkDatabaseReadiness (the database part of /readyz)", () => {
  const pools: pg.Pool[] = [];
  const scratch: ScratchDatabase[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await Promise.all(scratch.map((database) => database.drop()));
  });
  const poolOn = (url: string) => {
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 1000 });
    pool.on("error", () => undefined);
    pools.push(pool);
    return pool;
  };

  it("is ready on a migrated database, and names every pending migration of an empty one", async () => {
    const migrated = await createScratchDatabase(requireTestPostgresUrl());
    const empty = await createScratchDatabase(requireTestPostgresUrl(), { template: null });
    scratch.push(migrated, empty);
    expect(await checkDatabaseReadiness(poolOn(migrated.url))).toEqual({ database: { ok: true }, migrations: { ok: true } });
    const notMigrated = await checkDatabaseReadiness(poolOn(empty.url));
    expect(notMigrated.database).toEqual({ ok: true });
    expect(notMigrated.migrations).toEqual({ ok: false, message: expect.stringMatching(/^pending migrations: \d+_init, .* \(run the migrate job\)$/) });
  });

  it("says the database is not reachable, and does not check the migrations then", async () => {
    const url = new URL(requireTestPostgresUrl());
    url.port = "1";
    expect(await checkDatabaseReadiness(poolOn(url.href))).toEqual({
      database: { ok: false, message: expect.stringMatching(/^the database is not reachable: /) },
      migrations: { ok: false, message: "not checked: the database is not reachable" },
    });
  });

  it("describes failed and pending migrations with what to do", () => {
    expect(describeMigrationProblems({ pending: [], failed: [] })).toBeNull();
    expect(describeMigrationProblems({ pending: ["b", "c"], failed: ["a"] })).toBe(
      "failed migrations: a (see the migrate job's log); pending migrations: b, c (run the migrate job)",
    );
  });
});
