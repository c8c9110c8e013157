import type { EventEmitter } from "node:events";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Logger } from "pino";
import type { ChildContext } from "./build-child-specs";
import { describeLocation, redactDatabaseUrl } from "./describe-location";
import { ensureGeneratedSecret } from "./ensure-generated-secret";
import { formatAdminCredentials } from "./format-admin-credentials";
import { handleStopSignals } from "./handle-stop-signals";
import { readStartConfig } from "./read-start-config";
import { resolveSecretKey } from "./resolve-secret-key";
import type { SeededAdmin } from "./seed-admin";
import { describeChildExit, superviseChildren, type ChildExit, type ChildSpec, type Supervisor } from "./supervise-children";
import { waitForWebReady } from "./wait-for-web-ready";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Everything `updraft start` touches outside itself, so tests can point it elsewhere. */
export interface StartDeps {
  env: NodeJS.ProcessEnv;
  /** Where relative paths in the environment are resolved. */
  cwd: string;
  repoRoot: string;
  out(text: string): void;
  err(text: string): void;
  /** Emits SIGINT / SIGTERM / SIGHUP (the process). */
  signals: EventEmitter;
  /** Ends the process immediately (a third Ctrl-C). */
  exitNow(code: number): void;
  logger: Logger;
  /** Starts Postgres with its data in `<dataDir>/pg`. */
  startEmbeddedPostgres(options: { dataDir: string; logger?: Logger }): Promise<EmbeddedPostgres>;
  migrate(url: string, options: { logger?: Logger }): Promise<{ applied: string[] }>;
  seedAdmin(url: string, options: { adminEmail?: string; adminPassword?: string }): Promise<SeededAdmin>;
  buildChildSpecs(ctx: ChildContext): ChildSpec[];
  /** Why the web app or the scheduler cannot start (not built), or null. */
  checkWebBuild(repoRoot: string): string | null;
  /** SIGTERM → SIGKILL grace for web and scheduler. Default 15000. */
  stopTimeoutMs?: number;
  readyPollMs?: number;
  /** After this long without an answer from the web app, say that we are still waiting. Default 60000. */
  slowStartNoticeMs?: number;
}

class StopRequested extends Error {
  constructor() {
    super("stop requested");
  }
}

type Waited = { kind: "ready" } | { kind: "died"; exit: ChildExit } | { kind: "stop" };

/**
 * `updraft start`: Postgres (embedded unless DATABASE_URL), migrations, the
 * demo tenant and admin, then web + scheduler until Ctrl-C or until one of
 * them dies. Returns the process exit code.
 */
export async function runStart(deps: StartDeps): Promise<number> {
  const { out, err } = deps;
  const parsed = readStartConfig(deps.env, { repoRoot: deps.repoRoot, cwd: deps.cwd });
  if (!parsed.ok) {
    err(`${parsed.message}\n`);
    return 2;
  }
  const config = parsed.config;
  const secretKey = resolveSecretKey(deps.env, { databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (!secretKey.ok) {
    err(`${secretKey.message}\n`);
    return 2;
  }
  const buildProblem = deps.checkWebBuild(deps.repoRoot);
  if (buildProblem) {
    err(`${buildProblem}\n`);
    return 1;
  }

  const stopping = new AbortController();
  const stopRequested = new Promise<Waited>((resolve) =>
    stopping.signal.addEventListener("abort", () => resolve({ kind: "stop" }), { once: true }),
  );
  let forced = false;
  let supervisor: Supervisor | undefined;
  const disposeSignals = handleStopSignals(deps.signals, {
    graceful() {
      out("\nStopping Updraft… (press Ctrl-C again to kill it now)\n");
      stopping.abort(new StopRequested());
    },
    force() {
      forced = true;
      out("Killing the web app and the scheduler now…\n");
      supervisor?.forceKill();
    },
    abandon() {
      err("Exiting immediately; processes may be left running.\n");
      deps.exitNow(130);
    },
  });
  const throwIfStopping = () => stopping.signal.throwIfAborted();

  let postgres: EmbeddedPostgres | undefined;
  let exitCode = 0;
  try {
    if (secretKey.generatedInto) {
      out(
        `Secret key: generated into ${describeLocation(secretKey.generatedInto, deps.repoRoot)} ` +
          "(back it up with the data: stored secrets and connection passwords cannot be decrypted without it)\n",
      );
    }
    let databaseUrl = config.databaseUrl;
    if (databaseUrl === null) {
      // Postgres keeps its data in <dataDir>/pg.
      postgres = await deps.startEmbeddedPostgres({ dataDir: config.dataDir, logger: deps.logger });
      databaseUrl = postgres.url;
      out(`Postgres: embedded in ${describeLocation(join(config.dataDir, "pg"), deps.repoRoot)}\n`);
    } else {
      out(`Postgres: ${redactDatabaseUrl(databaseUrl)}\n`);
    }
    throwIfStopping();

    const { applied } = await deps.migrate(databaseUrl, { logger: deps.logger });
    out(applied.length ? `Migrations: applied ${applied.join(", ")}\n` : "Migrations: up to date\n");
    throwIfStopping();

    const admin = await deps.seedAdmin(databaseUrl, {
      adminEmail: config.adminEmail,
      adminPassword: config.adminPassword,
    });
    if (admin.createdAdmin) {
      out(
        formatAdminCredentials({
          url: config.nextAuthUrl,
          email: admin.email,
          password: config.adminPassword === undefined ? admin.password : undefined,
        }),
      );
    }
    throwIfStopping();

    const nextAuthSecret =
      config.nextAuthSecret ?? ensureGeneratedSecret(join(config.dataDir, "nextauth-secret")).secret;
    const schedulerId =
      deps.env.UPDRAFT_SCHEDULER_ID || ensureGeneratedSecret(join(config.dataDir, "scheduler-id"), randomUUID).secret;
    const specs = deps.buildChildSpecs({ repoRoot: deps.repoRoot, config, databaseUrl, nextAuthSecret, secretKey: secretKey.key, schedulerId, baseEnv: deps.env });
    supervisor = superviseChildren(specs, { stdout: out, stderr: err, stopTimeoutMs: deps.stopTimeoutMs });
    const died = supervisor.unexpectedExit.then((exit): Waited => ({ kind: "died", exit }));

    const baseUrl = `http://localhost:${config.port}`;
    const slowNotice = setTimeout(
      () => out(`Still waiting for the web app to answer at ${baseUrl}/api/health…\n`),
      deps.slowStartNoticeMs ?? 60_000,
    );
    const ready = waitForWebReady(baseUrl, { signal: stopping.signal, intervalMs: deps.readyPollMs }).then(
      (): Waited => ({ kind: "ready" }),
      (): Waited => ({ kind: "stop" }),
    );
    let outcome = await Promise.race([ready, died, stopRequested]);
    clearTimeout(slowNotice);
    if (outcome.kind === "ready") {
      const signIn = admin.createdAdmin ? ` — sign in as ${admin.email}` : "";
      out(`\nUpdraft is ready at ${baseUrl}${signIn}\n\n`);
      outcome = await Promise.race([died, stopRequested]);
    }
    if (outcome.kind === "died") {
      err(`\nUpdraft stopped because the ${describeChildExit(outcome.exit)} (its output above, prefixed [${outcome.exit.name}], says why).\n`);
      exitCode = 1;
    }
  } catch (error) {
    if (!(error instanceof StopRequested)) {
      err(`\nupdraft start failed: ${error instanceof Error ? error.message : String(error)}\n`);
      deps.logger.debug({ err: error }, "start failed");
      exitCode = 1;
    }
  } finally {
    if (supervisor) await supervisor.stop();
    if (postgres) {
      out("Stopping the embedded Postgres…\n");
      await postgres.stop().catch((error: unknown) => {
        err(`Could not stop the embedded Postgres cleanly: ${error instanceof Error ? error.message : String(error)}\n`);
        exitCode = exitCode || 1;
      });
    }
    disposeSignals();
  }
  if (forced) return 130;
  if (exitCode === 0) out("Updraft stopped.\n");
  return exitCode;
}
