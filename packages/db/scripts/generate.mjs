// Runs `prisma generate` offline. Prisma only checks that a schema engine
// binary exists (it never runs it during generate), and that binary cannot be
// downloaded on machines without internet access, so point it at node itself.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(
  process.execPath,
  [prismaCli, "generate", "--schema", join(here, "../../../prisma/schema.prisma")],
  { stdio: "inherit", env, cwd: join(here, "..") },
);
process.exit(result.status ?? 1);
