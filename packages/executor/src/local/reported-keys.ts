import { mkdirSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Empty files named after the keys whose outcome was reported; listTaskDirs skips dot-folders. */
export const REPORTED_DIR = ".reported";
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Remembers on disk that a try's outcome was reported, so a late duplicate
 * launch of the same try after a scheduler restart starts nothing (the try's
 * own folder is removed once its outcome is stored).
 */
export function recordReported(stateDir: string, key: string): void {
  const dir = join(stateDir, REPORTED_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, key), "", { mode: 0o600 });
}

/** The keys reported within the last day, oldest first; older records are deleted. */
export function loadReported(stateDir: string, now = Date.now()): string[] {
  const dir = join(stateDir, REPORTED_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const kept: { key: string; at: number }[] = [];
  for (const key of names) {
    try {
      const at = statSync(join(dir, key)).mtimeMs;
      if (now - at > KEEP_MS) unlinkSync(join(dir, key));
      else kept.push({ key, at });
    } catch {
      // removed meanwhile
    }
  }
  return kept.sort((a, b) => a.at - b.at).map((entry) => entry.key);
}
