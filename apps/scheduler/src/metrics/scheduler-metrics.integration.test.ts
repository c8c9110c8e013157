import { createDb, createTenant, type Tenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { requestTaskKill } from "@updraft/engine";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduler, type RunningScheduler } from "../start-scheduler";
import { TEST_KEYRING } from "../testing/test-keyring";
import { runDagToEnd } from "../testing/run-dag-to-end";
import { startTaskToKill } from "../testing/start-task-to-kill";
import { createSchedulerMetrics, type SchedulerMetrics } from "./scheduler-metrics";

/** A sample of a scrape: histograms name theirs (`…_bucket`, `…_count`, `…_sum`). */
type Sample = { value: number; labels: Record<string, string | number | undefined>; metricName?: string };

const t = useTestDatabase();
const silent = pino({ level: "silent" });
let tenant: Tenant;
let metrics: SchedulerMetrics;
let scheduler: RunningScheduler;

/** One sample's value from a scrape of the registry (0 when the series is absent). */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  const values = (await metric.get()).values as Sample[];
  const found = values.find((v) => (v.metricName ?? name) === name && Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return found?.value ?? 0;
}

async function histogramCount(name: string): Promise<number> {
  const values = (await metrics.registry.getSingleMetric(name)!.get()).values as Sample[];
  return values.find((v) => v.metricName === `${name}_count`)?.value ?? 0;
}

const runDag = (source: string) => runDagToEnd(t.db, tenant.id, source);

beforeAll(async () => {
  tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
  // No caching of the DB-wide gauges: each scrape below reads the database.
  metrics = createSchedulerMetrics({ maxAgeMs: 0, defaultMetrics: false });
  scheduler = await startScheduler({ keyring: TEST_KEYRING, databaseUrl: t.url, executor: "local", metrics, logger: silent });
});
afterAll(async () => {
  await scheduler?.stop();
});

describe("the scheduler's metrics", () => {
  it("count the launches of a run with their scheduling latency, and the task instances by state", async () => {
    const run = await runDag(`
dag_id: counted
schedule: null
tasks:
  - task_id: a
    command: ["true"]
  - task_id: b
    depends_on: [a]
    command: ["true"]
`);
    expect(run.state).toBe("SUCCESS");
    expect(await sample("updraft_task_launches_total", { executor: "local" })).toBe(2);
    // The latency is observed once the try's queued_at is read, just after the launch.
    await expect.poll(() => histogramCount("updraft_scheduling_latency_seconds")).toBe(2);
    expect(await sample("updraft_task_instances", { state: "SUCCESS" })).toBe(2);
    expect(await sample("updraft_task_instances", { state: "RUNNING" })).toBe(0);
    expect(await sample("updraft_tenant_running_tasks", { tenant: "acme" })).toBe(0);
    expect(await sample("updraft_tenant_max_concurrent_tasks", { tenant: "acme" })).toBe(128);
    // A job is counted when its handler returns, which may be just after the run is seen finished.
    await expect.poll(() => sample("updraft_scheduler_jobs_total", { job: "launch_task", outcome: "ok" })).toBe(2);
    await expect.poll(() => sample("updraft_scheduler_jobs_total", { job: "task_event", outcome: "ok" })).toBe(2);
    const queue = (await metrics.registry.getSingleMetric("updraft_job_queue_depth")!.get()).values.map((v) => v.labels.job);
    expect(queue).toEqual(expect.arrayContaining(["tick", "evaluate_run", "launch_task", "task_event", "reconcile"]));
    // Nothing failed yet.
    for (const reason of ["spawn_error", "other", "lost"]) expect(await sample("updraft_executor_errors_total", { reason })).toBe(0);
  });

  it("count a task that could not start as an executor error by its reason, and a task's own failure not at all", async () => {
    const broken = await runDag(`
dag_id: typo
schedule: null
tasks:
  - task_id: a
    command: [definitely-not-a-command-xyz]
`);
    expect(broken.state).toBe("FAILED");
    await expect.poll(() => sample("updraft_executor_errors_total", { reason: "spawn_error" })).toBe(1);

    const failing = await runDag(`
dag_id: exits
schedule: null
tasks:
  - task_id: a
    command: [sh, -c, "exit 3"]
`);
    expect(failing.state).toBe("FAILED");
    expect(await sample("updraft_executor_errors_total", { reason: "spawn_error" })).toBe(1);
    expect(await sample("updraft_executor_errors_total", { reason: "other" })).toBe(0);
    expect(await sample("updraft_task_instances", { state: "FAILED" })).toBe(2);
    expect(await sample("updraft_task_launches_total", { executor: "local" })).toBe(4);
  });

  it("do not count a task killed on request as an executor error", async () => {
    const { ti } = await startTaskToKill(t.db, tenant.id);
    expect(await sample("updraft_tenant_running_tasks", { tenant: "acme" })).toBe(1);
    const errorsBefore = await metrics.executorErrors.get();
    await requestTaskKill(t.db, { taskInstanceId: ti.id, tryNumber: ti.tryNumber, reason: "marked failed by a test" });
    await expect.poll(() => t.db.taskTry.findFirst({ where: { taskInstanceId: ti.id, endedAt: { not: null } } })).not.toBeNull();
    expect((await metrics.executorErrors.get()).values).toEqual(errorsBefore.values);
  });

  it("keep the last values of the DB-wide gauges when the database cannot be read, and the scrape still answers", async () => {
    const before = await sample("updraft_task_instances", { state: "SUCCESS" });
    const unreachable = createDb("postgres://nobody:nothing@127.0.0.1:1/updraft", { max: 1 });
    try {
      metrics.readDatabase({ db: unreachable, jobNames: [], logger: silent });
      const text = await metrics.registry.metrics();
      expect(text).toContain(`updraft_task_instances{state="SUCCESS"} ${before}`);
    } finally {
      metrics.readDatabase({ db: t.db, jobNames: [], logger: silent });
      await unreachable.$disconnect();
    }
  });
});
