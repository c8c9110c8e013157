import { defineConfig } from "vitest/config";
import { vitestHangGuard } from "./vitest-hang-guard.js";

export default defineConfig({ test: { include: ["*.test.ts", "repo-docs/**/*.test.ts", "lint-checks/**/*.test.ts"], ...vitestHangGuard } });
