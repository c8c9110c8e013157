import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRunFolder } from "./run-folder.js";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(dirname(root), { recursive: true, force: true });
});

describe("createRunFolder", () => {
  it("makes a fresh run- folder under root (creating root), which remove() deletes", () => {
    root = join(mkdtempSync(join(tmpdir(), "run-folder-")), "cache");
    const first = createRunFolder(root);
    const second = createRunFolder(root);
    expect(dirname(first.dir)).toBe(root);
    expect(basename(first.dir)).toMatch(/^run-/);
    expect(second.dir).not.toBe(first.dir);
    first.remove();
    expect(existsSync(first.dir)).toBe(false);
    expect(existsSync(second.dir)).toBe(true);
  });

  it("prunes folders older than a day that killed runs left, not recent ones of runs still going on", () => {
    root = join(mkdtempSync(join(tmpdir(), "run-folder-")), "cache");
    const stale = join(root, "run-stale");
    const recent = join(root, "run-recent");
    mkdirSync(stale, { recursive: true });
    mkdirSync(recent);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);
    createRunFolder(root);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });
});
