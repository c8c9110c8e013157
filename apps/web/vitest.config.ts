import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    include: ["src/**/*.test.ts", "server/**/*.test.ts", "bench/**/*.test.ts"],
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
    // The server tests start real processes (a cluster primary and its workers boot through tsx): on a loaded
    // 2-core machine five worker boots can take longer than vitest's default 5 s. Their own waits have deadlines.
    testTimeout: 30_000,
  },
});
