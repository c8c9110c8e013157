import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSecretKeyring, TEST_SECRET_KEY } from "@updraft/platform";
import { afterEach, describe, expect, it } from "vitest";
import { resolveSecretKey } from "./resolve-secret-key";

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "updraft-secret-key-test-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const DATABASE_URL = "postgres://u:p@db:5432/updraft";

describe("resolveSecretKey", () => {
  it("takes UPDRAFT_SECRET_KEY from the environment, with or without DATABASE_URL, and writes no file", () => {
    const dir = dataDir();
    expect(resolveSecretKey({ UPDRAFT_SECRET_KEY: TEST_SECRET_KEY }, { databaseUrl: DATABASE_URL, dataDir: dir })).toEqual({
      ok: true,
      key: TEST_SECRET_KEY,
    });
    expect(resolveSecretKey({ UPDRAFT_SECRET_KEY: TEST_SECRET_KEY }, { databaseUrl: null, dataDir: dir })).toEqual({ ok: true, key: TEST_SECRET_KEY });
    expect(() => statSync(join(dir, "secret-key"))).toThrow();
  });

  it("with DATABASE_URL and no key, refuses and says how to generate one", () => {
    const result = resolveSecretKey({ UPDRAFT_SECRET_KEY: "" }, { databaseUrl: DATABASE_URL, dataDir: dataDir() });
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : result.message;
    expect(message).toContain("UPDRAFT_SECRET_KEY is not set");
    expect(message).toContain("openssl rand -base64 32");
  });

  it("refuses a malformed key (or previous key) without echoing it", () => {
    const bad = resolveSecretKey({ UPDRAFT_SECRET_KEY: "hunter2hunter2" }, { databaseUrl: null, dataDir: dataDir() });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? "" : bad.message).not.toContain("hunter2hunter2");
    const badPrevious = resolveSecretKey(
      { UPDRAFT_SECRET_KEY: TEST_SECRET_KEY, UPDRAFT_PREVIOUS_SECRET_KEYS: "oldoldold" },
      { databaseUrl: null, dataDir: dataDir() },
    );
    expect(badPrevious.ok).toBe(false);
    expect(badPrevious.ok ? "" : badPrevious.message).toContain("UPDRAFT_PREVIOUS_SECRET_KEYS");
  });

  it("embedded default: generates a valid key into <dataDir>/secret-key (mode 0600) once and reuses it", () => {
    const dir = dataDir();
    const first = resolveSecretKey({}, { databaseUrl: null, dataDir: dir });
    if (!first.ok) throw new Error(first.message);
    const file = join(dir, "secret-key");
    expect(first.generatedInto).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first.key);
    expect(() => readSecretKeyring({ UPDRAFT_SECRET_KEY: first.key })).not.toThrow();

    const second = resolveSecretKey({}, { databaseUrl: null, dataDir: dir });
    expect(second).toEqual({ ok: true, key: first.key });
  });

  it("refuses a damaged key file instead of replacing it (the data encrypted with it would be lost)", () => {
    const dir = dataDir();
    const file = join(dir, "secret-key");
    writeFileSync(file, "garbage\n", { mode: 0o600 });
    const result = resolveSecretKey({}, { databaseUrl: null, dataDir: dir });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(`${file} does not hold a valid secret key`);
    expect(readFileSync(file, "utf8")).toBe("garbage\n");
  });
});
