import { vitestHangGuard } from "@updraft/config/vitest";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    ...vitestHangGuard,
    // Hooks build the images' bundles (the web app's Next.js build among them): longer than the guard on a busy machine.
    hookTimeout: 600_000,
  },
});
