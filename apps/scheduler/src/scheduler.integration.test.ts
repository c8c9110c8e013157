import { uploadDag } from "./testing/upload-dag";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun } from "@updraft/engine";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { runDagToEnd } from "./testing/run-dag-to-end";
import { useLocalSchedulerWithTenant } from "./testing/use-local-scheduler-with-tenant";
import { median, waitForRunToFinish } from "./testing/wait-for-run";
import { waitUntil } from "@updraft/config/wait-until";

const t = useTestDatabase();
// A one-minute poll interval: every hand-off below must travel by LISTEN/NOTIFY,
// or the runs would take minutes and these tests would time out.
const local = useLocalSchedulerWithTenant(t, { pollIntervalMs: 60_000, logger: pino({ level: "silent" }) });

async function upload(source: string, fileName = "dag.yaml") {
  return uploadDag(t.db, local.tenant.id, source, fileName);
}

async function logOf(runId: string, taskId: string) {
  const ti = await t.db.taskInstance.findFirstOrThrow({ where: { dagRunId: runId, taskId } });
  const chunks = await t.db.taskLog.findMany({ where: { taskInstanceId: ti.id }, orderBy: { id: "asc" } });
  return chunks.map((c) => c.content).join("");
}

describe("the scheduler with the local executor", () => {
  it("runs a → b, a → c to success and stores each task's output", async () => {
    const dag = await upload(`
dag_id: fan_out
schedule: null
params: { who: world }
tasks:
  - task_id: a
    command: [sh, -c, "echo hello from a"]
  - task_id: b
    depends_on: [a]
    command: [sh, -c, "echo b says hi to $WHO for {{ ds }}"]
    env: { WHO: "{{ params.who }}" }
  - task_id: c
    depends_on: [a]
    command: [sh, -c, "echo c on stderr >&2"]
`);
    const { id } = await triggerDagRun(t.db, { tenantId: local.tenant.id, dagDbId: dag.dagDbId, conf: { who: "updraft" }, triggeredById: null });
    const run = await waitForRunToFinish(t.db, id);

    expect(run.state).toBe("SUCCESS");
    expect(Object.fromEntries(run.taskInstances.map((ti) => [ti.taskId, ti.state]))).toEqual({ a: "SUCCESS", b: "SUCCESS", c: "SUCCESS" });
    for (const ti of run.taskInstances) {
      expect(ti.exitCode).toBe(0);
      expect(ti.tryNumber).toBe(1);
    }
    const a = run.taskInstances.find((ti) => ti.taskId === "a")!;
    for (const down of run.taskInstances.filter((ti) => ti.taskId !== "a")) {
      expect(down.startedAt!.getTime()).toBeGreaterThanOrEqual(a.endedAt!.getTime());
    }
    expect(await logOf(id, "a")).toContain("hello from a");
    const today = run.logicalDate.toISOString().slice(0, 10);
    expect(await logOf(id, "b")).toContain(`b says hi to updraft for ${today}`);
    const stderr = await t.db.taskLog.findMany({ where: { stream: "STDERR", taskInstance: { dagRunId: id, taskId: "c" } } });
    expect(stderr.map((c) => c.content).join("")).toContain("c on stderr");
  });

  it("fails the run when a task fails and marks its downstream upstream_failed", async () => {
    const dag = await upload(`
dag_id: breaks
schedule: null
tasks:
  - task_id: a
    command: [sh, -c, "echo about to fail; exit 3"]
  - task_id: b
    depends_on: [a]
    command: ["true"]
  - task_id: c
    depends_on: [b]
    command: ["true"]
`);
    const { id } = await triggerDagRun(t.db, { tenantId: local.tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
    const run = await waitForRunToFinish(t.db, id);

    expect(run.state).toBe("FAILED");
    const byId = Object.fromEntries(run.taskInstances.map((ti) => [ti.taskId, ti]));
    expect(byId.a!.state).toBe("FAILED");
    expect(byId.a!.exitCode).toBe(3);
    expect(byId.a!.message).toBe("exit code 3");
    expect(byId.b!.state).toBe("UPSTREAM_FAILED");
    expect(byId.c!.state).toBe("UPSTREAM_FAILED");
    expect(byId.b!.tryNumber).toBe(0);
    expect(await logOf(id, "a")).toContain("about to fail");
  });

  it("fails a task whose command does not exist, saying so", async () => {
    const run = await runDagToEnd(
      t.db,
      local.tenant.id,
      `
dag_id: typo
schedule: null
tasks:
  - task_id: a
    command: [definitely-not-a-command-xyz]
`,
    );
    expect(run.state).toBe("FAILED");
    expect(run.taskInstances[0]!.message).toContain('command not found: "definitely-not-a-command-xyz"');
  });

  it("creates a cron DAG's run from the tick without anyone pressing anything", async () => {
    const dag = await upload(`
dag_id: every_minute
schedule: "* * * * *"
start_date: 2025-01-01
catchup: false
tasks:
  - task_id: only
    command: [sh, -c, "echo interval {{ data_interval_start }} to {{ data_interval_end }}"]
`);
    const run = await waitUntil(
      async () =>
        (await t.db.dagRun.findFirst({ where: { dagDbId: dag.dagDbId, runType: "SCHEDULED" }, orderBy: { dataIntervalEnd: "asc" } })) ?? undefined,
      () => "the tick to create a scheduled run",
      { pollMs: 50 },
    );
    expect(run, "the tick created no scheduled run").not.toBeNull();
    // catchup: false → only the latest complete minute, ending at or before now.
    expect(run!.dataIntervalEnd.getTime() - run!.dataIntervalStart.getTime()).toBe(60_000);
    expect(run!.dataIntervalEnd.getTime()).toBeLessThanOrEqual(Date.now());
    expect(run!.dataIntervalEnd.getTime()).toBeGreaterThan(Date.now() - 2 * 60_000);
    expect(run!.runId).toBe(`scheduled__${run!.dataIntervalStart.toISOString()}`);
    const finished = await waitForRunToFinish(t.db, run!.id);
    expect(finished.state).toBe("SUCCESS");
    expect(await logOf(run!.id, "only")).toContain(`interval ${run!.dataIntervalStart.toISOString().slice(0, 19)}`);
    // The next run is due one minute after the latest scheduled interval. A minute boundary may pass while the
    // test runs, and the tick then creates the next minute's run too, so compare with the latest run, read
    // until the DAG row and its runs agree (the tick writes both in one transaction).
    await waitUntil(
      async () => {
        const after = await t.db.dag.findUniqueOrThrow({ where: { id: dag.dagDbId } });
        const latest = await t.db.dagRun.findFirst({ where: { dagDbId: dag.dagDbId, runType: "SCHEDULED" }, orderBy: { dataIntervalEnd: "desc" } });
        return after.nextRunAt?.getTime() === latest!.dataIntervalEnd.getTime() + 60_000;
      },
      () => "the DAG's next run time to be one minute after its latest scheduled interval",
      { pollMs: 50 },
    );
  });

  it("starts a downstream task within milliseconds of its upstream's exit (event-driven, no polling)", async () => {
    const tasks = Array.from({ length: 11 }, (_, i) =>
      i === 0 ? `  - task_id: t0\n    command: ["true"]` : `  - task_id: t${i}\n    depends_on: [t${i - 1}]\n    command: ["true"]`,
    ).join("\n");
    const dag = await upload(`dag_id: chain\nschedule: null\ntasks:\n${tasks}\n`);
    const gaps: number[] = [];
    for (let round = 0; round < 3; round++) {
      const { id } = await triggerDagRun(t.db, { tenantId: local.tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
      const run = await waitForRunToFinish(t.db, id);
      expect(run.state).toBe("SUCCESS");
      const byId = new Map(run.taskInstances.map((ti) => [ti.taskId, ti]));
      for (let i = 1; i <= 10; i++) {
        gaps.push(byId.get(`t${i}`)!.startedAt!.getTime() - byId.get(`t${i - 1}`)!.endedAt!.getTime());
      }
    }
    const p50 = median(gaps);
    // Reported, not asserted (shared machine): the closing note quotes this figure.
    console.log(`exit → downstream start over ${gaps.length} edges: median ${p50} ms, max ${Math.max(...gaps)} ms`);
    expect(gaps.every((g) => g >= 0)).toBe(true);
  });
});
