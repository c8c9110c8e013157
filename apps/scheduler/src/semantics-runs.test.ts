import { uploadDag } from "./testing/upload-dag";
import { createTenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { clearTaskInstances, markDagRun, setDagPaused, triggerDagRun } from "@updraft/engine";
import { ensureJobQueue } from "./jobs/ensure-job-queue";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduler, type RunningScheduler } from "./start-scheduler";
import { waitForRunToFinish } from "./testing/wait-for-run";
import { TEST_KEYRING } from "./testing/test-keyring";
import { waitUntil } from "@updraft/config/wait-until";
import { waitForJobPasses } from "./testing/wait-for-job-passes";

const t = useTestDatabase();
let tenantId: string;
let scheduler: RunningScheduler;
let pausedDag: string;

async function upload(source: string) {
  return (await uploadDag(t.db, tenantId, source)).dagDbId;
}

/** Waits for `check` to return a value as long as it takes (waitUntil, which names `what` while it waits). */
async function waitFor<T>(check: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  return waitUntil(async () => (await check()) || undefined, () => what, { pollMs: 20 });
}

beforeAll(async () => {
  tenantId = (await createTenant(t.db, { slug: "runs", name: "Runs" })).id;
  await ensureJobQueue(t.url);
  // Paused before any scheduler runs: its due interval must never get a run while paused.
  pausedDag = await upload(`
dag_id: every_minute_paused
schedule: "* * * * *"
start_date: 2025-01-01
catchup: false
tasks:
  - task_id: only
    command: ["true"]
`);
  await setDagPaused(t.db, { tenantId, dagDbId: pausedDag, paused: true });
  scheduler = await startScheduler({
    keyring: TEST_KEYRING,
    databaseUrl: t.url,
    executor: "local",
    pollIntervalMs: 100,
    tickIntervalMs: 100,
    logger: pino({ level: "silent" }),
  });
});
afterAll(async () => {
  await scheduler?.stop();
});

describe("run controls through the scheduler", () => {
  it("gives a paused DAG no scheduled runs, and the latest one once unpaused", async () => {
    await waitForJobPasses(scheduler, "tick", 3); // several ticks, all after the pause
    expect(await t.db.dagRun.count({ where: { dagDbId: pausedDag } })).toBe(0);
    const unpausedAt = Date.now();
    await setDagPaused(t.db, { tenantId, dagDbId: pausedDag, paused: false });
    const run = await waitFor(() => t.db.dagRun.findFirst({ where: { dagDbId: pausedDag }, orderBy: { dataIntervalEnd: "asc" } }), "a scheduled run");
    expect(run.runType).toBe("SCHEDULED");
    expect((await waitForRunToFinish(t.db, run.id)).state).toBe("SUCCESS");
    // Only the latest interval: its earliest run is the minute that had ended at unpause (or a later one, when a
    // minute boundary passed before the tick), never one of the intervals missed while paused. Counting all runs
    // would fail whenever a boundary passes during the test, as the tick then adds the next minute's run.
    expect(run.dataIntervalEnd.getTime()).toBeGreaterThan(unpausedAt - 60_000);
    expect(await t.db.dagRun.count({ where: { dagDbId: pausedDag, dataIntervalEnd: { lte: new Date(unpausedAt) } } })).toBeLessThanOrEqual(1);
  });

  it("lets a running run finish when its DAG is paused", async () => {
    const dagDbId = await upload(`dag_id: pause_midway\nschedule: null\ntasks:\n  - task_id: a\n    command: [sleep, "0.5"]\n  - task_id: b\n    depends_on: [a]\n    command: ["true"]\n`);
    const { id } = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await waitFor(() => t.db.taskInstance.findFirst({ where: { dagRunId: id, taskId: "a", state: "RUNNING" } }), "task a running");
    await setDagPaused(t.db, { tenantId, dagDbId, paused: true });
    const run = await waitForRunToFinish(t.db, id);
    expect(run.state).toBe("SUCCESS");
    expect(run.taskInstances.map((ti) => ti.state)).toEqual(["SUCCESS", "SUCCESS"]);
  });

  it("marking a run failed kills its running task, whose try records the kill", async () => {
    const dagDbId = await upload(`dag_id: to_mark\nschedule: null\ntasks:\n  - task_id: long\n    command: [sleep, "30"]\n  - task_id: next\n    depends_on: [long]\n    command: ["true"]\n`);
    const { id } = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    const long = await waitFor(
      () => t.db.taskInstance.findFirst({ where: { dagRunId: id, taskId: "long", state: "RUNNING" } }),
      "task long running",
    );
    await markDagRun(t.db, { tenantId, runDbId: id, state: "FAILED", actor: "ada@acme.dev" });
    const run = await t.db.dagRun.findUniqueOrThrow({ where: { id }, include: { taskInstances: { orderBy: { taskId: "asc" } } } });
    expect(run.state).toBe("FAILED");
    expect(run.taskInstances.map((ti) => [ti.taskId, ti.state])).toEqual([
      ["long", "FAILED"],
      ["next", "SKIPPED"],
    ]);
    const closed = await waitFor(
      () => t.db.taskTry.findFirst({ where: { taskInstanceId: long.id, tryNumber: 1, endedAt: { not: null } } }),
      "the killed try to be closed",
    );
    expect(closed).toMatchObject({ state: "FAILED", message: "marked failed by ada@acme.dev" });
    expect(closed.endedAt!.getTime() - closed.startedAt!.getTime()).toBeLessThan(10_000);
  });

  it("clearing a task of a finished run re-runs it and its downstream", async () => {
    const dagDbId = await upload(`dag_id: to_clear\nschedule: null\ntasks:\n  - task_id: a\n    command: ["true"]\n  - task_id: b\n    depends_on: [a]\n    command: [sh, -c, "echo try {{ try_number }}"]\n  - task_id: c\n    depends_on: [b]\n    command: ["true"]\n`);
    const { id } = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    expect((await waitForRunToFinish(t.db, id)).state).toBe("SUCCESS");
    const { cleared } = await clearTaskInstances(t.db, { tenantId, runDbId: id, taskIds: ["b"], includeDownstream: true, actor: "ada" });
    expect(cleared).toEqual(["b", "c"]);
    const run = await waitFor(async () => {
      const r = await t.db.dagRun.findUniqueOrThrow({ where: { id }, include: { taskInstances: { orderBy: { taskId: "asc" } } } });
      return r.state === "SUCCESS" && r.taskInstances.every((ti) => ti.state === "SUCCESS") ? r : null;
    }, "the cleared run to succeed again");
    expect(run.taskInstances.map((ti) => [ti.taskId, ti.tryNumber])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
    ]);
    const b = run.taskInstances[1]!;
    const logs = await t.db.taskLog.findMany({ where: { taskInstanceId: b.id, stream: "STDOUT" }, orderBy: { id: "asc" } });
    expect(logs.map((l) => [l.tryNumber, l.content])).toEqual([
      [1, "try 1\n"],
      [2, "try 2\n"],
    ]);
  });
});
