import { inject } from "vitest";
import "./scheduler-bundle-context";

/** The scheduler bundle this test run built (scheduler-bundle-global-setup.ts), for spawnSchedulerProcess's `main`. */
export function schedulerMain(): string {
  return inject("updraftSchedulerMain");
}
