import { TEST_SECRET_KEY } from "@updraft/api";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };
beforeEach(() => {
  // getSecretKeyring() caches per process: every test gets a fresh module.
  vi.resetModules();
});
afterEach(() => {
  for (const name of ["NEXT_RUNTIME", "UPDRAFT_SECRET_KEY", "UPDRAFT_PREVIOUS_SECRET_KEYS"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function register() {
  return (await import("./instrumentation")).register();
}

describe("the web app's start-up check", () => {
  it("refuses to start on Node.js without UPDRAFT_SECRET_KEY, saying how to make one", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    delete process.env.UPDRAFT_SECRET_KEY;
    await expect(register()).rejects.toThrow(/Updraft's web app cannot start: UPDRAFT_SECRET_KEY is not set[\s\S]*openssl rand -base64 32/);
  });

  it("refuses a malformed key without showing it", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    process.env.UPDRAFT_SECRET_KEY = "correct-horse-battery";
    const error = await register().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain("UPDRAFT_SECRET_KEY is not a valid secret key");
    expect(error?.message).not.toContain("correct-horse-battery");
  });

  it("starts with a valid key, and route handlers get the same keyring every time", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    process.env.UPDRAFT_SECRET_KEY = TEST_SECRET_KEY;
    await expect(register()).resolves.toBeUndefined();
    const { getSecretKeyring } = await import("./server/secret-keyring");
    const keyring = getSecretKeyring();
    expect(getSecretKeyring()).toBe(keyring);
    expect(keyring.decrypt(keyring.encrypt("value", "t:secret:x"), "t:secret:x")).toBe("value");
  });

  it("does nothing on the edge runtime (no secrets are handled there)", async () => {
    process.env.NEXT_RUNTIME = "edge";
    delete process.env.UPDRAFT_SECRET_KEY;
    await expect(register()).resolves.toBeUndefined();
  });
});
