// vitest globalSetup (vitest.config.ts): bundles the scheduler once per test run, from the current
// sources, so that every scheduler process a test starts runs compiled code and is up in well
// under a second instead of transpiling TypeScript at each start. Test files find the bundle
// through schedulerMain().
import type { TestProject } from "vitest/node";
import { buildSchedulerBundle } from "./build-scheduler-bundle";
import "./scheduler-bundle-context";

export default async function setup(project: TestProject): Promise<() => void> {
  const bundle = await buildSchedulerBundle();
  project.provide("updraftSchedulerMain", bundle.main);
  return () => bundle.remove();
}
