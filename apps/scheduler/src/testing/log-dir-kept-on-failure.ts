import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface LogDirKeptOnFailure {
  /** Makes the folder (in the system temp dir, its name starting with `prefix`) and returns its path. */
  create(prefix: string): Promise<string>;
  /** The folder, once made (for error messages that point to the logs). */
  readonly path: string | undefined;
  /** Says the test passed: removeIfPassed() may remove the folder. */
  markPassed(): void;
  /** For afterAll: removes the folder if the test passed; otherwise it stays behind, with the logs of the failure. */
  removeIfPassed(): Promise<void>;
}

/** A temporary folder for a test's scheduler logs (and other files), removed after a pass and kept after a failure. */
export function createLogDirKeptOnFailure(): LogDirKeptOnFailure {
  let path: string | undefined;
  let passed = false;
  return {
    async create(prefix) {
      path = await mkdtemp(join(tmpdir(), prefix));
      return path;
    },
    get path() {
      return path;
    },
    markPassed() {
      passed = true;
    },
    async removeIfPassed() {
      if (path && passed) await rm(path, { recursive: true, force: true });
    },
  };
}
