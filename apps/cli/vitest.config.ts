import { vitestHangGuard } from "@updraft/config/vitest";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The fixtures that tests start as processes, bundled once per run.
    globalSetup: ["./src/start/fixtures/fixture-bundles-global-setup.ts"],
    ...vitestHangGuard,
  },
});
