// Bundles the scheduler and the updraft-ops entry into self-contained ESM
// files for the container image (apps/scheduler/Dockerfile):
//   dist/main.mjs         the scheduler   (node dist/main.mjs)
//   dist/updraft-ops.mjs  ops commands    (node dist/updraft-ops.mjs migrate)
// Everything is bundled except RUNTIME_EXTERNALS, which the image copies into
// its node_modules (infra/tests checks the two lists agree). Also writes
// dist/externals.json naming them.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeBundleOptions } from "@updraft/config/esbuild-node-bundle";
import { build } from "esbuild";

/** Packages loaded from node_modules at run time: native binaries that cannot be bundled. */
export const RUNTIME_EXTERNALS = ["@node-rs/argon2"];

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(appDir, "dist");

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const result = await build({
  absWorkingDir: appDir,
  entryPoints: { main: "src/main.ts", "updraft-ops": "src/ops/updraft-ops.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  ...nodeBundleOptions,
  // Optional peers some dependencies try inside try/catch (pg-native, ws's bufferutil, …) stay unresolved.
  external: [...RUNTIME_EXTERNALS, "pg-native", "bufferutil", "utf-8-validate"],
});

writeFileSync(join(outdir, "externals.json"), `${JSON.stringify({ externals: RUNTIME_EXTERNALS }, null, 2)}\n`);
const outputs = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith(".mjs"))
  .map(([file, info]) => `${file} ${(info.bytes / 1024 / 1024).toFixed(1)} MB`);
console.log(`bundled: ${outputs.join(", ")}`);
