// Test setups bundle sources into a fresh folder per run (apps/<app>/node_modules/.cache/…/run-XXXX) and
// delete it at teardown; a run that was killed never gets there. createRunFolder (run-folder.js) prunes the cache root first.
import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the folders directly in `root` last modified more than `maxAgeMs` ago (default one day): by age,
 * not "all but mine", so that a run still going on in the same checkout keeps its folder.
 * @param {string} root
 * @param {number} [maxAgeMs]
 */
export function pruneStaleFolders(root, maxAgeMs = ONE_DAY_MS) {
  const cutoff = Date.now() - maxAgeMs;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(root, entry.name);
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another run's teardown deleted it meanwhile.
    }
  }
}
