// The one home of the vitest time limits every workspace's vitest.config.ts uses.
// Tests wait for the condition they need (a row, a log line, readiness), so these limits are
// only guards against a hang: generous enough that a slow but correct test on a busy 2-core
// machine never reaches them, short enough that a real hang ends the run.

const HANG_MS = 300_000;

/**
 * Test and hook timeouts (ms) for every vitest config, and expect.poll's: a poll waits for its
 * condition as long as a busy machine takes, giving up a minute before the test's guard so a hang
 * reports the condition polled rather than just a test timeout (vitest's own default is 1 s).
 */
export const vitestHangGuard = {
  testTimeout: HANG_MS,
  hookTimeout: HANG_MS,
  expect: { poll: { timeout: HANG_MS - 60_000, interval: 50 } },
};

/** The embedded Postgres the database workspaces' tests share, started once per run (packages/db). */
const postgresGlobalSetup = new URL("../db/src/testing/global-setup.ts", import.meta.url).pathname;

/**
 * The `test` settings of a workspace whose tests use the shared test Postgres
 * (packages/db, engine, platform, cost, api): its tests under src/, Postgres started once, the hang guard.
 */
export function postgresWorkspaceTest() {
  return { include: ["src/**/*.test.ts"], globalSetup: [postgresGlobalSetup], ...vitestHangGuard };
}
