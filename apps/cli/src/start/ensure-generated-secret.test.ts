import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureGeneratedSecret } from "./ensure-generated-secret";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "updraft-secret-test-"));
  dirs.push(dir);
  return dir;
}

describe("ensureGeneratedSecret", () => {
  it("generates a private secret once and reuses it on the next start", () => {
    const file = join(tempDir(), "nested", "nextauth-secret");
    const first = ensureGeneratedSecret(file);
    expect(first.created).toBe(true);
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    expect(ensureGeneratedSecret(file)).toEqual({ secret: first.secret, created: false });
  });

  it("tightens the permissions of an existing secret file", () => {
    const file = join(tempDir(), "nextauth-secret");
    writeFileSync(file, "kept-from-last-time\n", { mode: 0o644 });
    expect(ensureGeneratedSecret(file)).toEqual({ secret: "kept-from-last-time", created: false });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
