// The web app's production server: `node --import tsx server/start-web-server.ts`
// in apps/web (what `npm start` runs), or bundled as server.mjs next to the
// standalone server.js in the image (`node apps/web/server.mjs`).
import { hostname as machineName } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import pino from "pino";
import { collectDefaultMetrics, Registry } from "prom-client";
import { createReadinessCheck } from "./check-readiness";
import { createWebServer } from "./create-web-server";
import { drainOnSignal } from "./drain-on-signal";
import { findMigrationsDir, findWebDir } from "./find-web-dir";
import { createHttpMetrics } from "./http-metrics";
import { createRouteLabeller } from "./label-route";
import { loadNextHandler } from "./load-next-handler";
import { readRoutePatterns } from "./read-route-patterns";
import { listenHostname, readWebServerEnv, type WebServerEnv } from "./read-web-server-env";
import { startMetricsServer } from "./start-metrics-server";

let env: WebServerEnv;
try {
  env = readWebServerEnv();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
// Once prepared, Next logs uncaught exceptions and keeps serving, as `next start` does.
const logger = pino({ name: "web", level: env.LOG_LEVEL });

const hostname = listenHostname(env.HOSTNAME, machineName());
const dir = findWebDir(fileURLToPath(import.meta.url));
process.chdir(dir);

const registry = new Registry();
collectDefaultMetrics({ register: registry });

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
  const metricsServer = await startMetricsServer({ port: env.UPDRAFT_METRICS_PORT, hostname, registry, logger });
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
      await Promise.allSettled([metricsServer.close(), pool.end(), nextApp.close()]);
    },
    exit: (code) => process.exit(code),
  });
  const port = await webServer.listen(env.PORT, hostname);
  logger.info({ port, hostname: hostname ?? "*", metricsPort: metricsServer.port, dir }, "web server listening");
} catch (err) {
  logger.fatal({ err }, "web server could not start");
  process.exit(1);
}
