// vitest globalSetup: one throwaway Postgres per test run, shared by all test
// files (each gets its own database from useTestDatabase()). List it in a
// workspace's vitest.config.ts:
//   globalSetup: ["../../packages/db/src/testing/global-setup.ts"]
import type { TestProject } from "vitest/node";
import "./provided-context";
import { startTestPostgres } from "./start-test-postgres";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres();
  project.provide("updraftPgUrl", postgres.adminUrl);
  return async () => {
    await postgres.stop();
  };
}
