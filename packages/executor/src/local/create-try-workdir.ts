import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh, empty working directory for one try; `remove()` deletes it and everything in it. */
export function createTryWorkdir(key: string): { path: string; remove(): Promise<void> } {
  const path = mkdtempSync(join(tmpdir(), `updraft-${key}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true, maxRetries: 3 }) };
}
