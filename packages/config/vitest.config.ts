import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["repo-docs/**/*.test.ts", "lint-checks/**/*.test.ts"] } });
