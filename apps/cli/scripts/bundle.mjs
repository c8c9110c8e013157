// `npm run build -w @updraft/cli`: bundles the `updraft` command into dist/updraft.mjs
// (+ dist/chunks/), which `npm start` runs instead of transpiling TypeScript at every start.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleCli } from "./bundle-cli.mjs";

const outdir = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
await bundleCli(outdir, { updraft: "src/main.ts" });
console.log(`bundled: ${join("dist", "updraft.mjs")}`);
