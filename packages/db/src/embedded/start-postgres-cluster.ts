import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Logger } from "pino";
import { clearStalePostmasterPid } from "./clear-stale-postmaster-pid";
import { letPostgresUserIn } from "./let-postgres-user-in";
import { loadEmbeddedPostgres } from "./load-embedded-postgres";
import { isPortFree, PortInUseError } from "./ports";
import { RecentLines } from "./recent-lines";

export interface PostgresClusterOptions {
  /** The Postgres data directory (created and initialised on first start). */
  clusterDir: string;
  port: number;
  /** Password of the `postgres` superuser (set when the cluster is initialised). */
  password: string;
  /** false: the data directory is deleted by stop(). */
  persistent: boolean;
  logger?: Logger;
  /** Extra server settings (`-c name=value`). */
  settings?: Record<string, string>;
}

export interface PostgresCluster {
  port: number;
  /** Shuts Postgres down cleanly (fast shutdown). Safe to call more than once. */
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 30_000;

/** Starts (initialising on first use) a Postgres server from the embedded-postgres binaries. */
export async function startPostgresCluster(options: PostgresClusterOptions): Promise<PostgresCluster> {
  const clusterDir = resolve(options.clusterDir);
  const { port, password, persistent, logger } = options;
  const runningAsRoot = process.getuid?.() === 0;

  await mkdir(dirname(clusterDir), { recursive: true, mode: 0o700 });
  if (runningAsRoot) await letPostgresUserIn(dirname(clusterDir));
  await clearStalePostmasterPid(clusterDir, logger);
  if (!(await isPortFree(port))) throw new PortInUseError(port);

  const recentLog = new RecentLines(40);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "", // TCP only: no socket lock files in /tmp to collide or go stale
    ...options.settings,
  };
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: runningAsRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    onLog: (message) => {
      recentLog.push(message);
      logger?.debug({ postgres: message.trim() }, "postgres log");
    },
    onError: (error) => logger?.error({ err: error }, "postgres error"),
  });

  if (!existsSync(join(clusterDir, "PG_VERSION"))) {
    if (existsSync(clusterDir) && (await readdir(clusterDir)).length > 0) {
      throw new Error(
        `${clusterDir} is not empty but is not a Postgres data directory (it has no PG_VERSION), ` +
          "probably left by a first start that was interrupted. Delete it and start again.",
      );
    }
    logger?.info({ clusterDir }, "initialising the embedded Postgres data directory");
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(
        `Could not initialise a Postgres data directory in ${clusterDir}: ${(error as Error).message}`,
      );
    }
  }

  try {
    await server.start();
  } catch (error) {
    const log = recentLog.text();
    if (/address already in use/i.test(log)) throw new PortInUseError(port);
    throw new Error(
      `The embedded Postgres did not start (data directory ${clusterDir}, port ${port})` +
        (error instanceof Error ? `: ${error.message}` : "") +
        `. Its last log lines:\n${log || "(none)"}`,
    );
  }

  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child) throw new Error("embedded-postgres started Postgres but did not expose the server process.");
  return watchServerProcess({ child, server, clusterDir, persistent, port, logger });
}

function watchServerProcess(context: {
  child: ChildProcess;
  server: object;
  clusterDir: string;
  persistent: boolean;
  port: number;
  logger?: Logger;
}): PostgresCluster {
  const { child, server, clusterDir, persistent, port, logger } = context;
  let exited = child.exitCode !== null || child.signalCode !== null;
  let stopping = false;
  const exitedPromise = new Promise<void>((resolveExit) => {
    if (exited) return resolveExit();
    child.once("exit", (code, signal) => {
      exited = true;
      if (!stopping) logger?.error({ code, signal, clusterDir }, "the embedded Postgres exited unexpectedly");
      resolveExit();
    });
  });

  // Last resort when the parent exits without calling stop(): ask Postgres
  // for a fast shutdown, which it completes on its own, so none is orphaned.
  const stopOnParentExit = () => {
    if (!exited) child.kill("SIGINT");
  };
  process.on("exit", stopOnParentExit);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      process.removeListener("exit", stopOnParentExit);
      if (!exited) {
        logger?.debug({ clusterDir }, "stopping the embedded Postgres");
        child.kill("SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
        if (!(await settlesWithin(exitedPromise, STOP_TIMEOUT_MS))) {
          logger?.warn({ clusterDir }, "Postgres did not stop within 30s; sending SIGQUIT (immediate shutdown)");
          child.kill("SIGQUIT");
          if (!(await settlesWithin(exitedPromise, 5_000))) child.kill("SIGKILL");
          await exitedPromise;
        }
      }
      // Tell embedded-postgres the server is gone, so its own stop() is a no-op.
      (server as { process?: ChildProcess }).process = undefined;
      if (!persistent) await rm(clusterDir, { recursive: true, force: true });
    })();
    return stopped;
  };
  return { port, stop };
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout(false), ms);
  });
  const result = await Promise.race([promise.then(() => true as const), timeout]);
  clearTimeout(timer);
  return result;
}
