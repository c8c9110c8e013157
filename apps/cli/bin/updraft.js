#!/usr/bin/env node
// The `updraft` command (`npx updraft …`): runs the TypeScript entry point through tsx, in this process
// (so signals reach the CLI directly and there is no extra process to supervise), always the current
// sources without a build. `npm start` runs the compiled bundle instead (dist/updraft.mjs, `npm run build -w @updraft/cli`).
import { tsImport } from "tsx/esm/api";

await tsImport("../src/main.ts", import.meta.url);
