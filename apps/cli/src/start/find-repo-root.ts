import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The Updraft checkout containing `fromDir`: the nearest folder upwards with a turbo.json. */
export function findRepoRoot(fromDir: string): string {
  let dir = fromDir;
  for (;;) {
    if (existsSync(join(dir, "turbo.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Could not find the Updraft repository root (a folder with turbo.json) above ${fromDir}.`);
    }
    dir = parent;
  }
}
