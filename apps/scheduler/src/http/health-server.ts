import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import { checkDatabaseReadiness } from "@updraft/db/migration-status";
import type { HealthCheck, SchedulerHealth } from "./health-types";

export interface HealthServerOptions {
  /** UPDRAFT_METRICS_PORT; 0 picks a free port (see `port` of the result). */
  port: number;
  /** Default: every interface. */
  host?: string;
  registry: Registry;
  /** The database /readyz checks (its own pool of at most two connections). */
  databaseUrl: string;
  /** The shipped migrations (UPDRAFT_MIGRATIONS_DIR); default: the repository's. */
  migrationsDir?: string;
  /** The running scheduler's health; null while it is starting. */
  scheduler: () => SchedulerHealth | null;
  logger: Logger;
}

export interface HealthServer {
  /** The port it listens on (the chosen one when asked for 0). */
  readonly port: number;
  /** From now on /readyz answers 503 (`shutdown`), before the scheduler begins to stop. */
  markShuttingDown(): void;
  /** Stops listening and closes the database pool. */
  close(): Promise<void>;
}

/** The port is taken: the message tells the operator what to set. */
export class MetricsPortInUseError extends Error {
  override readonly name = "MetricsPortInUseError";
  constructor(readonly port: number) {
    super(`port ${port} for /healthz, /readyz and /metrics is in use: set UPDRAFT_METRICS_PORT to a free port (0 picks one)`);
  }
}

const SHUTTING_DOWN: HealthCheck = { ok: false, message: "shutting down" };

/**
 * The scheduler's one HTTP listener (node:http, no framework):
 * - GET /healthz: 200 `{"status":"ok"}` while the process runs (no database call);
 * - GET /readyz: 200 `{"status":"ready","checks":…}` or 503 `{"status":"not ready","checks":…}` with
 *   `database`, `migrations`, `worker` and, with the Kubernetes executor, `kubernetes_watch`; once
 *   shutting down only 503 with `shutdown` (and `worker`);
 * - GET /metrics: the registry in Prometheus text format;
 * - anything else: 404.
 * Rejects with MetricsPortInUseError when the port is taken.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 2,
    connectionTimeoutMillis: 2000,
    idleTimeoutMillis: 30_000,
    application_name: "updraft-scheduler-health",
  });
  pool.on("error", (err) => options.logger.warn({ err }, "a health check database connection failed"));
  let shuttingDown = false;

  async function readiness(): Promise<{ ready: boolean; checks: Record<string, HealthCheck> }> {
    const scheduler = options.scheduler();
    const worker: HealthCheck = scheduler?.checks.worker ?? { ok: false, message: "the scheduler is starting" };
    if (shuttingDown || scheduler?.stopping) return { ready: false, checks: { shutdown: SHUTTING_DOWN, worker } };
    const { database, migrations } = await checkDatabaseReadiness(pool, { migrationsDir: options.migrationsDir });
    const checks: Record<string, HealthCheck> = { database, migrations, ...scheduler?.checks, worker };
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    const known = path === "/healthz" || path === "/readyz" || path === "/metrics";
    if (!known) return send(res, 404, "application/json", { error: "not found", paths: ["/healthz", "/readyz", "/metrics"] });
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return send(res, 405, "application/json", { error: "method not allowed" });
    }
    if (path === "/healthz") return send(res, 200, "application/json", { status: "ok" });
    if (path === "/readyz") {
      const { ready, checks } = await readiness();
      return send(res, ready ? 200 : 503, "application/json", { status: ready ? "ready" : "not ready", checks });
    }
    const text = await options.registry.metrics();
    return send(res, 200, options.registry.contentType, text);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      options.logger.error({ err, path: req.url }, "the health and metrics server could not answer");
      if (!res.headersSent) send(res, 500, "application/json", { error: "internal error" });
      else res.end();
    });
  });
  // Probes and scrapes are short: do not let an idle keep-alive connection hold up close().
  server.keepAliveTimeout = 5000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    await pool.end().catch(() => undefined);
    if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") throw new MetricsPortInUseError(options.port);
    throw err;
  }
  server.on("error", (err) => options.logger.error({ err }, "the health and metrics server failed"));
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port }, "health and metrics server listening");

  let closed: Promise<void> | undefined;
  return {
    port,
    markShuttingDown() {
      shuttingDown = true;
    },
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await pool.end().catch(() => undefined);
      })();
      return closed;
    },
  };
}

function send(res: ServerResponse, status: number, contentType: string, body: unknown): void {
  const text = typeof body === "string" ? body : `${JSON.stringify(body)}\n`;
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store", "content-length": Buffer.byteLength(text) });
  res.end(res.req.method === "HEAD" ? undefined : text);
}
