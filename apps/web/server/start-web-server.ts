// The web app's production server, bundled as dist/server.mjs (scripts/bundle-server.mjs):
// `updraft start` (what `npm start` runs) runs `node apps/web/dist/server.mjs`, the image runs
// it as server.mjs next to the standalone server.js (`node apps/web/server.mjs`).
// With UPDRAFT_WEB_WORKERS > 1 this file runs as the cluster primary
// (run-cluster-primary.ts: forks, /metrics, signals) and again in every worker
// (everything below it: Next and the app port, shared through node:cluster).
import cluster from "node:cluster";
import { hostname as machineName } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import pino from "pino";
import { createReadinessCheck } from "./check-readiness";
import { clusterWorkerId, createProcessRegistry, exitOnStopUntilServing, workerShutdownSignals } from "./cluster-worker";
import { createWebServer } from "./create-web-server";
import { drainOnSignal } from "./drain-on-signal";
import { findMigrationsDir, findWebDir } from "./find-web-dir";
import { createHttpMetrics } from "./http-metrics";
import { createRouteLabeller } from "./label-route";
import { loadNextHandler } from "./load-next-handler";
import { readRoutePatterns } from "./read-route-patterns";
import { webServerEnv, type WebServerEnv } from "../src/config/env";
import { listenHostname } from "./listen-hostname";
import { runClusterPrimary } from "./run-cluster-primary";
import { startMetricsServer, type MetricsServer } from "./start-metrics-server";

let env: WebServerEnv;
try {
  env = webServerEnv();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const clustered = env.UPDRAFT_WEB_WORKERS > 1 || cluster.isWorker;
const workerId = clusterWorkerId();
// Once prepared, Next logs uncaught exceptions and keeps serving, as `next start` does.
// In a cluster every line says which process wrote it: worker 1, 2, … or 0 for the primary.
const rootLogger = pino({ name: "web", level: env.LOG_LEVEL });
const logger = clustered ? rootLogger.child({ worker: workerId ?? 0 }) : rootLogger;

const hostname = listenHostname(env.HOSTNAME, machineName());
const dir = findWebDir(fileURLToPath(import.meta.url), env);
process.chdir(dir);

if (clustered && cluster.isPrimary) {
  try {
    await runClusterPrimary({
      workers: env.UPDRAFT_WEB_WORKERS,
      logger,
      metricsPort: env.UPDRAFT_METRICS_PORT,
      hostname,
      shutdownTimeoutMs: env.UPDRAFT_SHUTDOWN_TIMEOUT_MS,
      exit: (code) => process.exit(code),
    });
  } catch (err) {
    logger.fatal({ err }, "web server could not start");
    process.exit(1);
  }
} else {
  await runWebServer();
}

async function runWebServer(): Promise<void> {
  // A worker takes stop requests from the primary and from group signals (see workerShutdownSignals).
  const signals = cluster.isWorker ? workerShutdownSignals() : process;
  const stopBeforeServing = cluster.isWorker
    ? exitOnStopUntilServing(signals, (signal) => {
        logger.info({ signal }, "stopped before serving anything; exiting");
        process.exit(0);
      })
    : () => {};
  const registry = createProcessRegistry(workerId);

  // Only the readiness probe uses this pool; the app has its own (Prisma).
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: 2,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 2000,
    query_timeout: 2000,
    application_name: "updraft-web-readyz",
  });
  pool.on("error", (err) => logger.warn({ err }, "readiness database connection failed"));

  try {
    // In a cluster the primary serves /metrics (all workers' registries); a worker binds no metrics port.
    const metricsServer: MetricsServer | undefined = cluster.isWorker
      ? undefined
      : await startMetricsServer({ port: env.UPDRAFT_METRICS_PORT, hostname, registry, logger });
    const nextApp = await loadNextHandler({ dir, hostname, port: env.PORT });
    const webServer = createWebServer({
      handle: nextApp.handle,
      logger,
      metrics: createHttpMetrics(registry),
      labelRoute: createRouteLabeller(readRoutePatterns(join(dir, ".next"))),
      checkReadiness: createReadinessCheck({ pool, migrationsDir: findMigrationsDir(dir, env.UPDRAFT_MIGRATIONS_DIR) }),
    });
    webServer.server.keepAliveTimeout = env.KEEP_ALIVE_TIMEOUT;
    drainOnSignal({
      webServer,
      logger,
      drainDelayMs: env.UPDRAFT_DRAIN_DELAY_MS,
      shutdownTimeoutMs: env.UPDRAFT_SHUTDOWN_TIMEOUT_MS,
      async cleanup() {
        await Promise.allSettled([metricsServer?.close(), pool.end(), nextApp.close()]);
      },
      exit: (code) => process.exit(code),
      signals,
    });
    stopBeforeServing();
    const port = await webServer.listen(env.PORT, hostname);
    logger.info({ port, hostname: hostname ?? "*", metricsPort: metricsServer?.port, dir }, "web server listening");
  } catch (err) {
    logger.fatal({ err }, "web server could not start");
    process.exit(1);
  }
}
