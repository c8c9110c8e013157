import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "@updraft/db";
import pino from "pino";
import { buildChildSpecs, checkServerBundles, checkWebBuild } from "./build-child-specs";
import { findRepoRoot } from "./find-repo-root";
import { runStart } from "./run-start";
import { seedAdmin } from "./seed-admin";

/** `updraft start` wired to this process: its env, signals, stdout/stderr and the real services. */
export function runStartFromProcess(): Promise<number> {
  const logger = pino(
    { name: "updraft", level: process.env.LOG_LEVEL ?? "warn" },
    pino.destination({ fd: 2, sync: true }),
  );
  return runStart({
    env: process.env,
    // npm runs workspace scripts inside the workspace folder; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    repoRoot: findRepoRoot(dirname(fileURLToPath(import.meta.url))),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    signals: process,
    exitNow: (code) => process.exit(code),
    logger,
    async startEmbeddedPostgres(options) {
      const { startEmbeddedPostgres } = await import("@updraft/db/embedded");
      return startEmbeddedPostgres(options);
    },
    migrate: (url, options) => migrate(url, options),
    seedAdmin,
    buildChildSpecs,
    checkWebBuild: (repoRoot) => checkWebBuild(repoRoot) ?? checkServerBundles(repoRoot),
  });
}
