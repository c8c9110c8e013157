import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultMigrationsDir } from "@updraft/db/migration-status";
import { useTestDatabase } from "@updraft/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSchedulerMetrics, type SchedulerMetrics } from "../metrics/scheduler-metrics";
import { startScheduler, type RunningScheduler } from "../start-scheduler";
import { TEST_KEYRING } from "../testing/test-keyring";
import { MetricsPortInUseError, startHealthServer, type HealthServer } from "./health-server";

const t = useTestDatabase();
const silent = pino({ level: "silent" });
let metrics: SchedulerMetrics;
let scheduler: RunningScheduler | null = null;
let server: HealthServer;
const others: HealthServer[] = [];

/** Every scheduler metric of the contract, with its type. */
const SCHEDULER_METRICS: [string, string][] = [
  ["updraft_task_instances", "gauge"],
  ["updraft_scheduling_latency_seconds", "histogram"],
  ["updraft_job_queue_depth", "gauge"],
  ["updraft_task_launches_total", "counter"],
  ["updraft_executor_errors_total", "counter"],
  ["updraft_kubernetes_watch_restarts_total", "counter"],
  ["updraft_tenant_running_tasks", "gauge"],
  ["updraft_tenant_max_concurrent_tasks", "gauge"],
  ["updraft_scheduler_jobs_total", "counter"],
];

async function get(port: number, path: string) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get("content-type"), text, json: () => JSON.parse(text) as Record<string, unknown> };
}

beforeAll(async () => {
  metrics = createSchedulerMetrics();
  server = await startHealthServer({
    port: 0,
    registry: metrics.registry,
    databaseUrl: t.url,
    scheduler: () => scheduler?.health() ?? null,
    logger: silent,
  });
});
afterAll(async () => {
  await scheduler?.stop();
  await Promise.all([server, ...others].map((s) => s?.close()));
});

describe("the scheduler's health and metrics server", () => {
  it("says the process is alive on /healthz, and not ready while the scheduler is starting", async () => {
    const health = await get(server.port, "/healthz");
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({ status: "ok" });

    const ready = await get(server.port, "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.json()).toMatchObject({
      status: "not ready",
      checks: { database: { ok: true }, migrations: { ok: true }, worker: { ok: false, message: "the scheduler is starting" } },
    });
  });

  it("is ready on a migrated database with a running scheduler", async () => {
    scheduler = await startScheduler({ keyring: TEST_KEYRING, databaseUrl: t.url, executor: "noop", metrics, logger: silent });
    const ready = await get(server.port, "/readyz");
    expect(ready.status).toBe(200);
    expect(ready.contentType).toMatch(/^application\/json/);
    expect(ready.json()).toEqual({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true }, worker: { ok: true } } });
  });

  it("serves every scheduler metric on /metrics in the Prometheus text format", async () => {
    const res = await get(server.port, "/metrics");
    expect(res.status).toBe(200);
    expect(res.contentType).toBe(metrics.registry.contentType);
    for (const [name, type] of SCHEDULER_METRICS) expect(res.text).toContain(`# TYPE ${name} ${type}\n`);
    expect(res.text).toContain("# TYPE process_resident_memory_bytes gauge");
    // The DB-wide gauges were read at the scrape: every state has a series.
    expect(res.text).toMatch(/^updraft_task_instances\{state="SUCCESS"\} \d+$/m);
    expect(res.text).toMatch(/^updraft_job_queue_depth\{job="launch_task"\} \d+$/m);
  });

  it("answers 404 for any other path", async () => {
    const res = await get(server.port, "/admin");
    expect(res.status).toBe(404);
  });

  it("is not ready when a migration of this build is not applied, naming it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "updraft-migrations-"));
    try {
      for (const entry of await readdir(defaultMigrationsDir(), { withFileTypes: true })) {
        if (entry.isDirectory()) await mkdir(join(dir, entry.name));
      }
      await mkdir(join(dir, "29990101000000_from_the_future"));
      const ahead = await startHealthServer({
        port: 0,
        registry: metrics.registry,
        databaseUrl: t.url,
        migrationsDir: dir,
        scheduler: () => scheduler?.health() ?? null,
        logger: silent,
      });
      others.push(ahead);
      const ready = await get(ahead.port, "/readyz");
      expect(ready.status).toBe(503);
      expect(ready.json()).toMatchObject({
        status: "not ready",
        checks: { database: { ok: true }, migrations: { ok: false, message: expect.stringContaining("29990101000000_from_the_future") }, worker: { ok: true } },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("is not ready when the database cannot be reached", async () => {
    const unreachable = await startHealthServer({
      port: 0,
      registry: metrics.registry,
      databaseUrl: "postgres://nobody:nothing@127.0.0.1:1/updraft",
      scheduler: () => scheduler?.health() ?? null,
      logger: silent,
    });
    others.push(unreachable);
    const ready = await get(unreachable.port, "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { database: { ok: false, message: expect.stringContaining("the database is not reachable") } } });
  });

  it("refuses a port that is taken, saying to set UPDRAFT_METRICS_PORT", async () => {
    const taken = startHealthServer({ port: server.port, registry: metrics.registry, databaseUrl: t.url, scheduler: () => null, logger: silent });
    await expect(taken).rejects.toBeInstanceOf(MetricsPortInUseError);
    await expect(taken).rejects.toThrow(/set UPDRAFT_METRICS_PORT/);
  });

  it("turns /readyz to 503 'shutdown' as soon as the scheduler begins to stop", async () => {
    const stopping = scheduler!.stop();
    const ready = await get(server.port, "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.json()).toMatchObject({ status: "not ready", checks: { shutdown: { ok: false, message: "shutting down" } } });
    await stopping;
    expect((await get(server.port, "/healthz")).status).toBe(200);
    expect((await get(server.port, "/readyz")).status).toBe(503);
  });

  it("turns /readyz to 503 'shutdown' when told to, before the scheduler stops", async () => {
    const other = await startHealthServer({ port: 0, registry: metrics.registry, databaseUrl: t.url, scheduler: () => ({ stopping: false, checks: { worker: { ok: true } } }), logger: silent });
    others.push(other);
    expect((await get(other.port, "/readyz")).status).toBe(200);
    other.markShuttingDown();
    const ready = await get(other.port, "/readyz");
    expect(ready.status).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { shutdown: { ok: false, message: "shutting down" } } });
  });
});
