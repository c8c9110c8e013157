// Bundles the scheduler and the updraft-ops entry into self-contained ESM files
// in `outdir`:
//   main.mjs         the scheduler   (node main.mjs)
//   updraft-ops.mjs  ops commands    (node updraft-ops.mjs migrate)
//   externals.json   the RUNTIME_EXTERNALS it loads from node_modules
// Used for the image (scripts/bundle.mjs → dist/) and for the scheduler
// processes tests start (src/testing/build-scheduler-bundle.ts, a fresh folder
// per test run). `outdir` must lie inside the repository so that the
// externals resolve from its node_modules.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeBundleOptions } from "@updraft/config/esbuild-node-bundle";
import { build } from "esbuild";

/** Packages loaded from node_modules at run time: native binaries that cannot be bundled. */
export const RUNTIME_EXTERNALS = ["@node-rs/argon2"];

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Replaces `outdir` with fresh bundles of the current sources.
 * @param {string} outdir
 * @returns {Promise<string[]>} "<file> <size> MB" for each bundle written
 */
export async function bundleScheduler(outdir) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: appDir,
    entryPoints: { main: "src/main.ts", "updraft-ops": "src/ops/updraft-ops.ts" },
    outdir,
    outExtension: { ".js": ".mjs" },
    ...nodeBundleOptions,
    // Optional peers some dependencies try inside try/catch (pg-native, ws's bufferutil, …) stay unresolved.
    // typescript: graphile-worker's config search (cosmiconfig) loads it only to read a .graphile-workerrc.ts,
    // which Updraft never has; bundled, its 9 MB were parsed at every start, a third of a replica's start time.
    external: [...RUNTIME_EXTERNALS, "pg-native", "bufferutil", "utf-8-validate", "typescript"],
  });
  writeFileSync(join(outdir, "externals.json"), `${JSON.stringify({ externals: RUNTIME_EXTERNALS }, null, 2)}\n`);
  return Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith(".mjs"))
    .map(([file, info]) => `${file} ${(info.bytes / 1024 / 1024).toFixed(1)} MB`);
}
