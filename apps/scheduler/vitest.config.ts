import { vitestHangGuard } from "@updraft/config/vitest";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // One Postgres per run, and the scheduler bundle that the processes tests start run.
    globalSetup: ["../../packages/db/src/testing/global-setup.ts", "./src/testing/scheduler-bundle-global-setup.ts"],
    ...vitestHangGuard,
  },
});
