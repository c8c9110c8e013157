// The scheduler's container build (apps/scheduler/Dockerfile, `npm run build`):
// bundles (scripts/bundle-scheduler.mjs) into dist/
//   dist/main.mjs         the scheduler   (node dist/main.mjs)
//   dist/updraft-ops.mjs  ops commands    (node dist/updraft-ops.mjs migrate)
//   dist/externals.json   the packages the image copies into its node_modules
//                         (infra/tests checks the two lists agree)
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleScheduler } from "./bundle-scheduler.mjs";

const outdir = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
console.log(`bundled: ${(await bundleScheduler(outdir)).join(", ")}`);
