// vitest globalSetup (vitest.config.ts): bundles the server fixtures once per test run, from the
// current sources, for spawnFixture.
import type { TestProject } from "vitest/node";
import { buildFixtureBundles } from "./build-fixture-bundles";
import "./fixture-bundles-context";

export default async function setup(project: TestProject): Promise<() => void> {
  const bundles = await buildFixtureBundles();
  project.provide("updraftWebFixtureBundles", bundles.dir);
  return () => bundles.remove();
}
