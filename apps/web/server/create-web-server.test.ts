import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultMigrationsDir } from "@updraft/db/migration-status";
import { useTestDatabase } from "@updraft/db/testing";
import pg from "pg";
import { Registry } from "prom-client";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createReadinessCheck, type CheckReadiness } from "./check-readiness";
import { createWebServer, type RequestHandler, type WebServer } from "./create-web-server";
import { createHttpMetrics } from "./http-metrics";
import { createRouteLabeller } from "./label-route";
import { startMetricsServer, type MetricsServer } from "./start-metrics-server";
import { captureLogs } from "./testing/capture-logs";

const database = useTestDatabase();
const pools: pg.Pool[] = [];
const cleanups: Array<() => Promise<unknown> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

function readinessPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 2000, query_timeout: 2000 });
  pool.on("error", () => {});
  pools.push(pool);
  return pool;
}

/** Stands in for Next: a page, a tRPC procedure, and a handler that throws. */
const fakeNext: RequestHandler = async (req, res) => {
  const path = (req.url ?? "/").split("?")[0];
  if (path === "/boom") throw new Error("render failed");
  if (path?.startsWith("/t/") || path?.startsWith("/api/trpc/")) {
    res.writeHead(200, { "content-type": "text/plain" }).end(`next served ${path}`);
    return;
  }
  res.writeHead(404).end("not found");
};

async function startServer(options: { checkReadiness?: CheckReadiness; handle?: RequestHandler } = {}) {
  const registry = new Registry();
  const { logger, lines } = captureLogs();
  const webServer: WebServer = createWebServer({
    handle: options.handle ?? fakeNext,
    logger,
    metrics: createHttpMetrics(registry),
    labelRoute: createRouteLabeller(["/", "/t/[slug]/dags", "/api/trpc/[trpc]"]),
    checkReadiness: options.checkReadiness ?? createReadinessCheck({ pool: readinessPool(database.url) }),
  });
  const port = await webServer.listen(0, "127.0.0.1");
  cleanups.push(() => webServer.close({ timeoutMs: 1000 }));
  return { webServer, registry, lines, base: `http://127.0.0.1:${port}` };
}

describe("the web server's own routes", () => {
  it("answers /healthz without touching the database", async () => {
    const { base } = await startServer({ checkReadiness: () => Promise.reject(new Error("must not be called")) });
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("is ready when the database answers and has every migration", async () => {
    const { base } = await startServer();
    const response = await fetch(`${base}/readyz`);
    expect(await response.json()).toEqual({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true } } });
    expect(response.status).toBe(200);
  });

  it("is not ready while a migration of this build is pending, and names it", async () => {
    const migrationsDir = mkdtempSync(join(tmpdir(), "updraft-web-migrations-"));
    cleanups.push(() => rmSync(migrationsDir, { recursive: true, force: true }));
    for (const entry of readdirSync(defaultMigrationsDir(), { withFileTypes: true })) {
      if (entry.isDirectory()) mkdirSync(join(migrationsDir, entry.name));
    }
    mkdirSync(join(migrationsDir, "29990101000000_add_future_column"));
    const { base } = await startServer({ checkReadiness: createReadinessCheck({ pool: readinessPool(database.url), migrationsDir }) });

    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "not ready",
      checks: { database: { ok: true }, migrations: { ok: false, message: "pending migrations: 29990101000000_add_future_column (run the migrate job)" } },
    });
  });

  it("is not ready when the database is unreachable", async () => {
    const unreachable = new URL(database.url);
    unreachable.port = "1"; // nothing listens there
    const { base } = await startServer({ checkReadiness: createReadinessCheck({ pool: readinessPool(unreachable.href) }) });

    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean; message?: string }> };
    expect(body.status).toBe("not ready");
    expect(body.checks.database).toEqual({ ok: false, message: expect.stringMatching(/^the database is not reachable: /) });
    expect(body.checks.migrations?.ok).toBe(false);
  });

  it("says it is shutting down on /readyz once shutdown begins, while still serving pages", async () => {
    const { base, webServer } = await startServer();
    webServer.beginShutdown();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "not ready", checks: { shutdown: { ok: false, message: "shutting down" } } });
    const page = await fetch(`${base}/t/acme/dags`);
    expect(page.status).toBe(200);
    expect(page.headers.get("connection")).toBe("close");
  });
});

describe("requests passed to Next", () => {
  it("reach the handler, and a handler that throws gives a 500 and an error log line", async () => {
    const { base, lines } = await startServer();
    const page = await fetch(`${base}/t/acme/dags?tab=runs`);
    expect(await page.text()).toBe("next served /t/acme/dags");

    const broken = await fetch(`${base}/boom`);
    expect(broken.status).toBe(500);
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, msg: "request failed", path: "/boom", err: expect.objectContaining({ message: "render failed" }) }));
    expect(lines).toContainEqual(expect.objectContaining({ level: 20, msg: "request", method: "GET", path: "/t/acme/dags", route: "/t/[slug]/dags", status: "200" }));
  });

  it("are counted by route pattern and status on the separate /metrics listener", async () => {
    const { base, registry } = await startServer();
    for (const path of ["/t/acme/dags", "/t/beta/dags?x=1", "/api/trpc/runs.list", "/boom", "/wp-login.php", "/healthz"]) {
      await (await fetch(`${base}${path}`)).arrayBuffer();
    }
    const metricsServer: MetricsServer = await startMetricsServer({ port: 0, hostname: "127.0.0.1", registry, logger: captureLogs().logger });
    cleanups.push(() => metricsServer.close());

    const metrics = await fetch(`http://127.0.0.1:${metricsServer.port}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('updraft_http_request_duration_seconds_count{method="GET",route="/t/[slug]/dags",status="200"} 2');
    expect(text).toContain('updraft_http_request_duration_seconds_count{method="GET",route="/api/trpc/runs.list",status="200"} 1');
    expect(text).toContain('updraft_http_request_duration_seconds_count{method="GET",route="other",status="500"} 1');
    expect(text).toContain('updraft_http_request_duration_seconds_count{method="GET",route="other",status="404"} 1');
    expect(text).toContain('updraft_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 1');
    expect(text).toContain('updraft_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/healthz",status="200"}');
    expect(text).toMatch(/^updraft_http_requests_in_flight 0$/m);
    expect((await fetch(`${base}/metrics`)).status).toBe(404); // not on the app port
    expect((await fetch(`http://127.0.0.1:${metricsServer.port}/`)).status).toBe(404);
  });
});
