import { vitestHangGuard } from "@updraft/config/vitest";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["specs/**/*.spec.ts"],
    globalSetup: ["./support/global-setup.ts"],
    fileParallelism: false,
    ...vitestHangGuard,
    // expect.poll waits for its condition as long as a busy machine takes; it gives up a minute before the
    // test's hang guard, so a hang reports the condition polled rather than just a test timeout.
    expect: { poll: { timeout: vitestHangGuard.testTimeout - 60_000, interval: 100 } },
  },
});
