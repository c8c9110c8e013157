import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "@updraft/db";
import pino from "pino";
import { commandEnv, readCliEnv } from "../config/env";
import { buildChildSpecs, checkServerBundles, checkWebBuild } from "./build-child-specs";
import { findRepoRoot } from "./find-repo-root";
import { runStart } from "./run-start";
import { seedAdmin } from "./seed-admin";

/** `updraft start` wired to this process: its env, signals, stdout/stderr and the real services. */
export function runStartFromProcess(): Promise<number> {
  const settings = readCliEnv();
  const logger = pino(
    { name: "updraft", level: settings.LOG_LEVEL },
    pino.destination({ fd: 2, sync: true }),
  );
  return runStart({
    env: commandEnv(),
    // npm runs workspace scripts inside the workspace folder; INIT_CWD is where the user typed the command.
    cwd: settings.INIT_CWD ?? process.cwd(),
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
    migrate: (url, options) => migrate(url, { ...options, migrationsDir: settings.UPDRAFT_MIGRATIONS_DIR }),
    seedAdmin,
    buildChildSpecs,
    checkWebBuild: (repoRoot) => checkWebBuild(repoRoot) ?? checkServerBundles(repoRoot),
  });
}
