// Test setups bundle the current sources into a folder of their own per run, under the app's
// node_modules/.cache (so the bundles' externals resolve from the repository's node_modules), and delete
// it at teardown.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pruneStaleFolders } from "./prune-stale-folders.js";

/**
 * Makes a fresh `root/run-XXXX` folder, first pruning the folders that runs killed before their teardown
 * left in `root`. `remove()` deletes the folder (for the teardown).
 * @param {string} root
 * @returns {{ dir: string; remove(): void }}
 */
export function createRunFolder(root) {
  mkdirSync(root, { recursive: true });
  pruneStaleFolders(root);
  const dir = mkdtempSync(join(root, "run-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
