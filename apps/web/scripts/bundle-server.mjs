// Bundles the web app's production server (server/start-web-server.ts) into
// one ESM file, dist/server.mjs. The Docker image copies it next to the
// standalone tree's apps/web/server.js and runs `node apps/web/server.mjs`.
// `next` stays external: the standalone tree ships it (traced) in node_modules.
import { mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeBundleOptions } from "@updraft/config/esbuild-node-bundle";
import { build } from "esbuild";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(appDir, "dist", "server.mjs");
mkdirSync(dirname(outfile), { recursive: true });

const result = await build({
  absWorkingDir: appDir,
  entryPoints: ["server/start-web-server.ts"],
  outfile,
  ...nodeBundleOptions,
  // next: from the standalone tree's node_modules. pg-native: pg's optional native driver, never used.
  external: ["next", "pg-native"],
});

const bytes = result.metafile.outputs[relative(appDir, outfile)]?.bytes ?? 0;
console.log(`bundled: ${relative(appDir, outfile)} ${(bytes / 1024 / 1024).toFixed(1)} MB`);
