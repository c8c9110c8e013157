import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "./find-repo-root";

describe("findRepoRoot", () => {
  it("finds the checkout this CLI lives in", () => {
    const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
    expect(existsSync(join(root, "turbo.json"))).toBe(true);
    expect(existsSync(join(root, "apps", "cli", "package.json"))).toBe(true);
  });

  it("walks up from a nested folder and says what it looked for when there is none", () => {
    const top = mkdtempSync(join(tmpdir(), "updraft-root-test-"));
    try {
      writeFileSync(join(top, "turbo.json"), "{}");
      mkdirSync(join(top, "a", "b"), { recursive: true });
      expect(findRepoRoot(join(top, "a", "b"))).toBe(top);
      rmSync(join(top, "turbo.json"));
      expect(() => findRepoRoot(join(top, "a", "b"))).toThrow(/turbo\.json/);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});
