import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeBundleOptions } from "@updraft/config/esbuild-node-bundle";
import { build } from "esbuild";
import { createRunFolder } from "@updraft/config/run-folder";

/** The server fixtures tests run as processes of their own (spawnFixture). */
export const FIXTURES = ["drain-fixture", "cluster-fixture"] as const;
export type FixtureName = (typeof FIXTURES)[number];

const appDir = fileURLToPath(new URL("../..", import.meta.url));
/** Under apps/web, beside the repository's node_modules, like the image's server bundle. */
const BUNDLES_ROOT = join(appDir, "node_modules", ".cache", "updraft-web-fixtures");

export interface FixtureBundles {
  /** The folder holding `<fixture>.mjs` for each of FIXTURES. */
  readonly dir: string;
  remove(): void;
}

/**
 * Bundles the fixtures from the current sources with the settings of the image's server bundle
 * (scripts/bundle-server.mjs), into a folder of their own: a fixture process (and each cluster
 * worker it forks) starts from compiled code in a fraction of a second instead of transpiling
 * TypeScript through tsx at every start.
 */
export async function buildFixtureBundles(): Promise<FixtureBundles> {
  const { dir, remove } = createRunFolder(BUNDLES_ROOT);
  await build({
    absWorkingDir: appDir,
    entryPoints: Object.fromEntries(FIXTURES.map((name) => [name, `server/testing/${name}.ts`])),
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    ...nodeBundleOptions,
    external: ["pg-native"],
  });
  return { dir, remove };
}
