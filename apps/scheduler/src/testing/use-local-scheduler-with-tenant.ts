import { createTenant, type Db, type Tenant } from "@updraft/db";
import { afterAll, beforeAll } from "vitest";
import { startScheduler, type RunningScheduler, type SchedulerOptions } from "../start-scheduler";
import { TEST_KEYRING } from "./test-keyring";

export interface LocalSchedulerWithTenant {
  /** The tenant "acme" (set in beforeAll). */
  readonly tenant: Tenant;
  /** The scheduler (set in beforeAll). */
  readonly scheduler: RunningScheduler;
}

/**
 * For a test file: before its tests, creates the tenant "acme" and starts an in-process scheduler with the local
 * executor on the test database (with the test keyring and `options`); after them, stops the scheduler.
 */
export function useLocalSchedulerWithTenant(
  t: { readonly db: Db; readonly url: string },
  options: Omit<SchedulerOptions, "keyring" | "databaseUrl" | "executor">,
): LocalSchedulerWithTenant {
  let tenant: Tenant | undefined;
  let scheduler: RunningScheduler | undefined;
  beforeAll(async () => {
    tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
    scheduler = await startScheduler({ keyring: TEST_KEYRING, databaseUrl: t.url, executor: "local", ...options });
  });
  afterAll(async () => {
    await scheduler?.stop();
  });
  return {
    get tenant() {
      if (!tenant) throw new Error("the tenant is made in beforeAll");
      return tenant;
    },
    get scheduler() {
      if (!scheduler) throw new Error("the scheduler starts in beforeAll");
      return scheduler;
    },
  };
}
