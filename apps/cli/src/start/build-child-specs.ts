import { existsSync } from "node:fs";
import { join } from "node:path";
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
 * The web app's settings on top of the shared ones. HOSTNAME is dropped: shells
 * and containers export the machine's name there, and the web server would
 * listen on that interface only instead of on all of them (localhost
 * included). Its shutdown timeout stays below the supervisor's SIGKILL grace,
 * so it exits on its own, saying which requests it cut.
 */
export function webEnv(ctx: ChildContext): NodeJS.ProcessEnv {
  const { HOSTNAME: _machineName, ...env } = childEnv(ctx);
  return {
    ...env,
    UPDRAFT_SHUTDOWN_TIMEOUT_MS: ctx.baseEnv.UPDRAFT_SHUTDOWN_TIMEOUT_MS || "10000",
    UPDRAFT_METRICS_PORT: ctx.baseEnv.UPDRAFT_WEB_METRICS_PORT || "9464",
  };
}

/**
 * The scheduler's settings on top of the shared ones: its health and metrics
 * listener gets its own port (one UPDRAFT_METRICS_PORT for both children
 * would make the second one fail to bind).
 */
export function schedulerEnv(ctx: ChildContext): NodeJS.ProcessEnv {
  return {
    ...childEnv(ctx),
    UPDRAFT_METRICS_PORT: ctx.baseEnv.UPDRAFT_SCHEDULER_METRICS_PORT || "9465",
    // Its bundle cannot find the migrations relative to itself (its /readyz compares the database against them).
    UPDRAFT_MIGRATIONS_DIR: ctx.baseEnv.UPDRAFT_MIGRATIONS_DIR || join(ctx.repoRoot, "prisma", "migrations"),
  };
}

/** The compiled entry points `updraft start` runs, as the images do (built by `npm start`'s build step). */
export function serverBundles(repoRoot: string): { web: string; scheduler: string } {
  return {
    web: join(repoRoot, "apps", "web", "dist", "server.mjs"),
    scheduler: join(repoRoot, "apps", "scheduler", "dist", "main.mjs"),
  };
}

/**
 * The production web server (apps/web/dist/server.mjs, the bundle of
 * server/start-web-server.ts, on the built apps/web: Next plus /healthz,
 * /readyz, metrics and graceful drain) and the scheduler (apps/scheduler/dist/main.mjs),
 * both compiled bundles run with this Node binary: no TypeScript is
 * transpiled at start.
 */
export function buildChildSpecs(ctx: ChildContext): ChildSpec[] {
  const webDir = join(ctx.repoRoot, "apps", "web");
  const schedulerDir = join(ctx.repoRoot, "apps", "scheduler");
  const bundles = serverBundles(ctx.repoRoot);
  return [
    { name: "web", command: process.execPath, args: [bundles.web], cwd: webDir, env: webEnv(ctx) },
    { name: "scheduler", command: process.execPath, args: [bundles.scheduler], cwd: schedulerDir, env: schedulerEnv(ctx) },
  ];
}

/** Why the server bundles are missing, or null when both exist. */
export function checkServerBundles(repoRoot: string): string | null {
  const missing = Object.values(serverBundles(repoRoot)).filter((file) => !existsSync(file));
  if (missing.length === 0) return null;
  return (
    `The compiled servers are missing (${missing.join(", ")}).\n` +
    "Run `npm start` from the repository root (it builds first), or `npm run build -w @updraft/web -w @updraft/scheduler`."
  );
}

/** Why the web app cannot start yet, or null when its production build exists. */
export function checkWebBuild(repoRoot: string): string | null {
  if (existsSync(join(repoRoot, "apps", "web", ".next", "BUILD_ID"))) return null;
  return (
    "The web app has not been built yet (apps/web/.next is missing).\n" +
    "Run `npm start` from the repository root (it builds first), or `npm run build -w @updraft/web`."
  );
}
