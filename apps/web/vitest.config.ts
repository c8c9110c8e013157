import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: { include: ["src/**/*.test.ts", "server/**/*.test.ts", "bench/**/*.test.ts"], globalSetup: ["../../packages/db/src/testing/global-setup.ts"] },
});
