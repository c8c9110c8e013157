import { vitestHangGuard } from "@updraft/config/vitest";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["specs/**/*.spec.ts"],
    globalSetup: ["./support/global-setup.ts"],
    fileParallelism: false,
    ...vitestHangGuard,
  },
});
