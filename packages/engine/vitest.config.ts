import { postgresWorkspaceTest } from "@updraft/config/vitest";
import { defineConfig } from "vitest/config";

export default defineConfig({ test: postgresWorkspaceTest() });
