import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleScheduler } from "../../scripts/bundle-scheduler.mjs";
import { createRunFolder } from "@updraft/config/run-folder";

/** Under apps/scheduler, so that the bundles' runtime externals resolve from the repository's node_modules. */
const BUNDLES_ROOT = fileURLToPath(new URL("../../node_modules/.cache/updraft-scheduler-bundles", import.meta.url));

export interface SchedulerBundle {
  /** The bundled scheduler entry (`node <main>` starts a replica). */
  readonly main: string;
  /** The folder holding the bundles. */
  readonly dir: string;
  /** Deletes the folder. */
  remove(): void;
}

/**
 * Bundles the current sources (scripts/bundle-scheduler.mjs, as the image
 * build does) into a folder of its own: the scheduler processes that tests and
 * benchmarks start run compiled code, never a stale dist/, and never a dist/
 * that another build is replacing meanwhile.
 */
export async function buildSchedulerBundle(): Promise<SchedulerBundle> {
  const { dir, remove } = createRunFolder(BUNDLES_ROOT);
  await bundleScheduler(dir);
  return { main: join(dir, "main.mjs"), dir, remove };
}
