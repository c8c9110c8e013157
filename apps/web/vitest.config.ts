import { fileURLToPath } from "node:url";
import { vitestHangGuard } from "@updraft/config/vitest";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    include: ["src/**/*.test.ts", "server/**/*.test.ts", "bench/**/*.test.ts"],
    // One Postgres per run, and the server fixtures (bundled) that the server tests start as processes.
    globalSetup: ["../../packages/db/src/testing/global-setup.ts", "./server/testing/fixture-bundles-global-setup.ts"],
    // Only a guard against a hang: tests wait for conditions (a log line, an answer, an exit), not for a time.
    ...vitestHangGuard,
  },
});
