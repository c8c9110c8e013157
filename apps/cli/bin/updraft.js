#!/usr/bin/env node
// The `updraft` command: runs the TypeScript entry point through tsx, in this process
// (so signals reach the CLI directly and there is no extra process to supervise).
import { tsImport } from "tsx/esm/api";

await tsImport("../src/main.ts", import.meta.url);
