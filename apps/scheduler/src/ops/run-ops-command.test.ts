import pg from "pg";
import { requireTestPostgresUrl, useTestDatabase } from "@updraft/db/testing";
import { describe, expect, it } from "vitest";
import { runOpsCommand } from "./run-ops-command";

function capture() {
  const lines: string[] = [];
  return { io: { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t) }, text: () => lines.join("") };
}

/** A database with nothing in it, as a fresh install has (dropped when the test ends). */
async function withBlankDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const adminUrl = requireTestPostgresUrl();
  const name = `ops_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const quiet = { LOG_LEVEL: "silent" };

describe("updraft-ops", () => {
  const migrated = useTestDatabase();

  it("migrate: applies every migration to an empty database and creates only the platform admin; a second run changes nothing", async () => {
    await withBlankDatabase(async (url) => {
      const env = { ...quiet, DATABASE_URL: url, UPDRAFT_ADMIN_EMAIL: " Admin@Example.COM ", UPDRAFT_ADMIN_PASSWORD: "s3cret-enough" };
      const run = capture();
      expect(await runOpsCommand(["migrate"], env, run.io), run.text()).toBe(0);
      expect(await query(url, `SELECT email, is_platform_admin FROM users`)).toEqual([{ email: "admin@example.com", is_platform_admin: true }]);
      expect(await query(url, `SELECT slug FROM tenants`)).toEqual([]);
      const [hash] = await query<{ password_hash: string }>(url, `SELECT password_hash FROM users`);

      const again = capture();
      expect(await runOpsCommand(["migrate"], { ...env, UPDRAFT_ADMIN_PASSWORD: "another-password" }, again.io), again.text()).toBe(0);
      expect(await query(url, `SELECT password_hash FROM users`)).toEqual([hash]);
      const wait = capture();
      expect(await runOpsCommand(["wait-for-migrations"], { ...quiet, DATABASE_URL: url }, wait.io), wait.text()).toBe(0);
    });
  });

  it("migrate with UPDRAFT_SEED_DEMO=true also creates the demo tenant, owned by the admin", async () => {
    await withBlankDatabase(async (url) => {
      const run = capture();
      const env = { ...quiet, DATABASE_URL: url, UPDRAFT_ADMIN_EMAIL: "ops@example.com", UPDRAFT_ADMIN_PASSWORD: "s3cret-enough", UPDRAFT_SEED_DEMO: "true" };
      expect(await runOpsCommand(["migrate"], env, run.io), run.text()).toBe(0);
      expect(await query(url, `SELECT t.slug, m.role FROM tenants t JOIN memberships m ON m.tenant_id = t.id`)).toEqual([{ slug: "acme", role: "OWNER" }]);
    });
  });

  it("migrate without an admin only migrates, and explains half-given admin settings with exit 2", async () => {
    const run = capture();
    expect(await runOpsCommand(["migrate"], { ...quiet, DATABASE_URL: migrated.url }, run.io), run.text()).toBe(0);
    const bad = capture();
    expect(await runOpsCommand(["migrate"], { DATABASE_URL: migrated.url, UPDRAFT_ADMIN_EMAIL: "a@example.com" }, bad.io)).toBe(2);
    expect(bad.text()).toContain("set both UPDRAFT_ADMIN_EMAIL and UPDRAFT_ADMIN_PASSWORD");
    const short = capture();
    expect(await runOpsCommand(["migrate"], { DATABASE_URL: migrated.url, UPDRAFT_ADMIN_EMAIL: "a@example.com", UPDRAFT_ADMIN_PASSWORD: "short" }, short.io)).toBe(2);
    expect(short.text()).toContain("at least 8 characters");
    const none = capture();
    expect(await runOpsCommand(["migrate"], {}, none.io)).toBe(2);
    expect(none.text()).toContain("DATABASE_URL is not set");
  });

  it("wait-for-migrations gives up at its deadline on a database that was never migrated, naming what is pending", async () => {
    await withBlankDatabase(async (url) => {
      const run = capture();
      expect(await runOpsCommand(["wait-for-migrations"], { ...quiet, DATABASE_URL: url, UPDRAFT_WAIT_TIMEOUT_SECONDS: "0.5" }, run.io)).toBe(1);
      expect(run.text()).toMatch(/gave up after 0.5 s: pending migrations: 20261121000000_init, /);
    });
  });

  it("scheduler-id: the same replica name always gives the same UUID, other names other ones", async () => {
    const id = async (name: string) => {
      const run = capture();
      expect(await runOpsCommand(["scheduler-id", name], {}, run.io)).toBe(0);
      return run.text().trim();
    };
    const first = await id("updraft/updraft-scheduler-0");
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await id("updraft/updraft-scheduler-0")).toBe(first);
    expect(await id("updraft/updraft-scheduler-1")).not.toBe(first);
    expect(await id("other/updraft-scheduler-0")).not.toBe(first);
  });

  it("rotate-secret-key refuses to start without a valid key (exit 2), and re-encrypts nothing on an empty database", async () => {
    const bad = capture();
    expect(await runOpsCommand(["rotate-secret-key"], { DATABASE_URL: migrated.url, UPDRAFT_SECRET_KEY: "short" }, bad.io)).toBe(2);
    expect(bad.text()).toContain("UPDRAFT_SECRET_KEY is not a valid secret key");
    const ok = capture();
    const key = Buffer.alloc(32, 3).toString("base64");
    expect(await runOpsCommand(["rotate-secret-key"], { DATABASE_URL: migrated.url, UPDRAFT_SECRET_KEY: key }, ok.io), ok.text()).toBe(0);
    expect(ok.text()).toContain("Done: 0 secret(s) and 0 connection(s) re-encrypted");
  });

  it("explains an unknown command or extra arguments with exit 2 and the usage", async () => {
    for (const args of [[], ["migrat"], ["migrate", "--force"]]) {
      const run = capture();
      expect(await runOpsCommand(args, {}, run.io)).toBe(2);
      expect(run.text()).toContain("Usage: updraft-ops <command>");
    }
  });
});
