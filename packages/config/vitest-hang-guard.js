// The one home of the vitest time limits every workspace's vitest.config.ts uses.
// Tests wait for the condition they need (a row, a log line, readiness), so these limits are
// only guards against a hang: generous enough that a slow but correct test on a busy 2-core
// machine never reaches them, short enough that a real hang ends the run.

/** Test and hook timeouts (ms) for every vitest config. */
export const vitestHangGuard = { testTimeout: 300_000, hookTimeout: 300_000 };

/** The embedded Postgres the database workspaces' tests share, started once per run (packages/db). */
const postgresGlobalSetup = new URL("../db/src/testing/global-setup.ts", import.meta.url).pathname;

/**
 * The `test` settings of a workspace whose tests use the shared test Postgres
 * (packages/db, engine, platform, cost, api): its tests under src/, Postgres started once, the hang guard.
 */
export function postgresWorkspaceTest() {
  return { include: ["src/**/*.test.ts"], globalSetup: [postgresGlobalSetup], ...vitestHangGuard };
}
