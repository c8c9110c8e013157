import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { StartConfig } from "./read-start-config";
import type { ChildSpec } from "./supervise-children";

export interface ChildContext {
  repoRoot: string;
  config: StartConfig;
  databaseUrl: string;
  nextAuthSecret: string;
  /** UPDRAFT_SECRET_KEY: encrypts tenant secrets and connection passwords (web and scheduler refuse to start without it). */
  secretKey: string;
  /** The scheduler replica's stable id: with the Kubernetes executor, a restart adopts the pods it left running. */
  schedulerId: string;
  /** The environment the children inherit (the CLI's own). */
  baseEnv: NodeJS.ProcessEnv;
}

/** The settings web and scheduler share, on top of the inherited environment. */
export function childEnv(ctx: ChildContext): NodeJS.ProcessEnv {
  return {
    ...ctx.baseEnv,
    DATABASE_URL: ctx.databaseUrl,
    NEXTAUTH_SECRET: ctx.nextAuthSecret,
    UPDRAFT_SECRET_KEY: ctx.secretKey,
    NEXTAUTH_URL: ctx.config.nextAuthUrl,
    UPDRAFT_EXECUTOR: ctx.config.executor,
    UPDRAFT_SCHEDULER_ID: ctx.schedulerId,
    UPDRAFT_DATA_DIR: ctx.config.dataDir,
    PORT: String(ctx.config.port),
    NODE_ENV: "production",
  };
}

/**
 * The production web server (`next start` on the built apps/web) and the
 * scheduler (TypeScript run through tsx's loader), both started with this
 * Node binary.
 */
export function buildChildSpecs(ctx: ChildContext): ChildSpec[] {
  const webDir = join(ctx.repoRoot, "apps", "web");
  const schedulerDir = join(ctx.repoRoot, "apps", "scheduler");
  const env = childEnv(ctx);
  const nextBin = createRequire(join(webDir, "package.json")).resolve("next/dist/bin/next");
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return [
    {
      name: "web",
      command: process.execPath,
      args: [nextBin, "start", "-p", String(ctx.config.port)],
      cwd: webDir,
      env,
    },
    {
      name: "scheduler",
      command: process.execPath,
      args: ["--import", tsxLoader, join(schedulerDir, "src", "main.ts")],
      cwd: schedulerDir,
      env,
    },
  ];
}

/** Why the web app cannot start yet, or null when its production build exists. */
export function checkWebBuild(repoRoot: string): string | null {
  if (existsSync(join(repoRoot, "apps", "web", ".next", "BUILD_ID"))) return null;
  return (
    "The web app has not been built yet (apps/web/.next is missing).\n" +
    "Run `npm start` from the repository root (it builds first), or `npm run build -w @updraft/web`."
  );
}
