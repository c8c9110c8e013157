import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, createTenant, type Db } from "@updraft/db";
import { startTestPostgres, type TestPostgres } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import {
  createConnection,
  createSecretKeyring,
  generateSecretKey,
  loadTenantSecretMaterial,
  setSecret,
  type SecretKeyring,
} from "@updraft/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRotateSecretKey, type RotateDeps } from "./run-rotate-secret-key";

let postgres: TestPostgres;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await postgres?.stop();
});

async function freshDatabase(): Promise<{ db: Db; url: string }> {
  const database = await postgres.createDatabase();
  // Saving a secret enqueues the tenant's provisioning.
  await ensureJobQueue(database.url);
  const db = createDb(database.url, { max: 3 });
  cleanups.push(async () => {
    await db.$disconnect();
    await database.drop();
  });
  return { db, url: database.url };
}

function capture(overrides: Partial<RotateDeps> = {}) {
  const lines: string[] = [];
  const deps: Partial<RotateDeps> = {
    out: (text) => void lines.push(text),
    err: (text) => void lines.push(text),
    startEmbeddedPostgres: () => Promise.reject(new Error("no embedded Postgres in this test")),
    ...overrides,
  };
  return { deps, text: () => lines.join("") };
}

/** A tenant with two secrets and two connections (one with a password and extra), written under `keyring`. */
async function seed(db: Db, keyring: SecretKeyring, slug: string) {
  const tenant = await createTenant(db, { slug, name: slug });
  await setSecret(db, keyring, { tenantId: tenant.id, name: "api_token", value: "tok-123456" });
  await setSecret(db, keyring, { tenantId: tenant.id, name: "slack_webhook", value: "https://hooks.example/abc" });
  await createConnection(db, keyring, {
    tenantId: tenant.id,
    canSetSecrets: true,
    connection: { connId: "warehouse", connType: "postgres", host: "db", port: 5432, login: "etl", password: "p@ss word", schema: "dw", extra: { sslmode: "require" } },
  });
  await createConnection(db, keyring, { tenantId: tenant.id, canSetSecrets: true, connection: { connId: "api", connType: "http", host: "api.example" } });
  return tenant.id;
}

/** The key id of every encrypted column in the database. */
async function storedKids(db: Db, keyring: SecretKeyring): Promise<string[]> {
  const secrets = await db.secret.findMany();
  const connections = await db.connection.findMany();
  return [
    ...secrets.map((s) => keyring.kidOf(s.valueEncrypted)),
    ...connections.flatMap((c) => [c.passwordEncrypted, c.extraEncrypted].filter((v): v is string => v !== null).map((v) => keyring.kidOf(v))),
  ];
}

describe("updraft rotate-secret-key", () => {
  it("re-encrypts every value under the new key; they decrypt with the new key alone, and a second run changes nothing", async () => {
    const { db, url } = await freshDatabase();
    const oldKey = generateSecretKey();
    const newKey = generateSecretKey();
    const oldKeyring = createSecretKeyring(oldKey);
    const newKeyring = createSecretKeyring(newKey);
    const tenantId = await seed(db, oldKeyring, "acme");
    const before = await loadTenantSecretMaterial(db, oldKeyring, tenantId);
    const secretUpdatedAt = (await db.secret.findFirstOrThrow({ where: { name: "api_token" } })).updatedAt;

    const run = capture();
    const code = await runRotateSecretKey([], { DATABASE_URL: url, UPDRAFT_SECRET_KEY: newKey, UPDRAFT_PREVIOUS_SECRET_KEYS: oldKey }, run.deps);
    expect(code, run.text()).toBe(0);
    expect(run.text()).toContain(`Re-encrypting secrets under key ${newKeyring.currentKid} (reading old values with ${oldKeyring.currentKid})`);
    expect(run.text()).toContain("secrets: 2/2");
    expect(run.text()).toContain("connections: 1/1");
    expect(run.text()).toContain(`Done: 2 secret(s) and 1 connection(s) re-encrypted; every value is now under key ${newKeyring.currentKid}.`);

    expect(new Set(await storedKids(db, newKeyring))).toEqual(new Set([newKeyring.currentKid]));
    expect(await loadTenantSecretMaterial(db, newKeyring, tenantId)).toEqual(before);
    expect(before.connections.warehouse).toContain("p%40ss");
    // Rotation is not an edit: "last updated" stays.
    expect((await db.secret.findFirstOrThrow({ where: { name: "api_token" } })).updatedAt).toEqual(secretUpdatedAt);

    const again = capture();
    expect(await runRotateSecretKey([], { DATABASE_URL: url, UPDRAFT_SECRET_KEY: newKey, UPDRAFT_PREVIOUS_SECRET_KEYS: oldKey }, again.deps)).toBe(0);
    expect(again.text()).toContain("secrets: nothing to re-encrypt");
    expect(again.text()).toContain("Done: 0 secret(s) and 0 connection(s) re-encrypted");
  });

  it("fails loudly, naming the row, when a value is under a key it was not given (exit 1), and finishes once it is", async () => {
    const { db, url } = await freshDatabase();
    const [keyA, keyB, keyNew] = [generateSecretKey(), generateSecretKey(), generateSecretKey()];
    const tenant = await createTenant(db, { slug: "globex", name: "Globex" });
    await setSecret(db, createSecretKeyring(keyA), { tenantId: tenant.id, name: "aaa_first", value: "first-value" });
    await setSecret(db, createSecretKeyring(keyB), { tenantId: tenant.id, name: "zzz_second", value: "second-value" });

    const run = capture();
    expect(await runRotateSecretKey([], { DATABASE_URL: url, UPDRAFT_SECRET_KEY: keyNew, UPDRAFT_PREVIOUS_SECRET_KEYS: keyA }, run.deps)).toBe(1);
    expect(run.text()).toContain('Rotation stopped: Cannot decrypt secret "zzz_second" of tenant "globex"');
    expect(run.text()).toContain("UPDRAFT_PREVIOUS_SECRET_KEYS");
    expect(run.text()).not.toContain("second-value");

    const retry = capture();
    expect(await runRotateSecretKey([], { DATABASE_URL: url, UPDRAFT_SECRET_KEY: keyNew, UPDRAFT_PREVIOUS_SECRET_KEYS: `${keyA},${keyB}` }, retry.deps)).toBe(0);
    const newKeyring = createSecretKeyring(keyNew);
    expect(await loadTenantSecretMaterial(db, newKeyring, tenant.id)).toEqual({ secrets: { aaa_first: "first-value", zzz_second: "second-value" }, connections: {} });
  });

  it("embedded default: reads the old key from <dataDir>/secret-key and writes the new one there when done", async () => {
    const { db, url } = await freshDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), "updraft-rotate-test-"));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    mkdirSync(join(dataDir, "pg"));
    writeFileSync(join(dataDir, "pg", "PG_VERSION"), "17\n");
    const oldKey = generateSecretKey();
    const newKey = generateSecretKey();
    writeFileSync(join(dataDir, "secret-key"), `${oldKey}\n`, { mode: 0o600 });
    const tenantId = await seed(db, createSecretKeyring(oldKey), "initech");

    const started: string[] = [];
    const run = capture({
      startEmbeddedPostgres: async ({ dataDir: dir }) => {
        started.push(dir);
        return { url, stop: async () => void started.push("stopped") };
      },
    });
    expect(await runRotateSecretKey([], { UPDRAFT_DATA_DIR: dataDir, UPDRAFT_SECRET_KEY: newKey }, run.deps)).toBe(0);
    expect(started).toEqual([dataDir, "stopped"]);
    expect(run.text()).toContain(`Postgres: embedded in ${dataDir}`);
    expect(readFileSync(join(dataDir, "secret-key"), "utf8").trim()).toBe(newKey);
    expect(statSync(join(dataDir, "secret-key")).mode & 0o777).toBe(0o600);
    expect((await loadTenantSecretMaterial(db, createSecretKeyring(newKey), tenantId)).secrets).toEqual({
      api_token: "tok-123456",
      slack_webhook: "https://hooks.example/abc",
    });
  });

  it("explains bad usage with exit code 2 before touching any database", async () => {
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [["--force"], { DATABASE_URL: "postgres://u:p@localhost:1/x", UPDRAFT_SECRET_KEY: generateSecretKey() }, "takes no arguments"],
      [[], { DATABASE_URL: "postgres://u:p@localhost:1/x" }, "set UPDRAFT_SECRET_KEY to the new key"],
      [[], { DATABASE_URL: "postgres://u:p@localhost:1/x", UPDRAFT_SECRET_KEY: "too-short" }, "UPDRAFT_SECRET_KEY is not a valid secret key"],
      [[], { UPDRAFT_DATA_DIR: join(tmpdir(), "updraft-no-such-dir"), UPDRAFT_SECRET_KEY: generateSecretKey() }, "there is no embedded Postgres in"],
    ];
    for (const [args, env, message] of cases) {
      const run = capture();
      expect(await runRotateSecretKey(args, env, run.deps)).toBe(2);
      expect(run.text()).toContain(message);
      expect(run.text()).toContain("Usage: updraft rotate-secret-key");
    }
    const help = capture();
    expect(await runRotateSecretKey(["--help"], {}, help.deps)).toBe(0);
    expect(help.text()).toContain("UPDRAFT_PREVIOUS_SECRET_KEYS");
  });
});
