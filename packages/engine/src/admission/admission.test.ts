import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import { deletePool } from "../pools/delete-pool";
import { upsertPool } from "../pools/upsert-pool";
import { evaluateRun } from "../runs/evaluate-run";
import { triggerDagRun } from "../runs/trigger-dag-run";
import { finish, instance, launchQueued, newTenant, pendingJobs, uploadDag } from "../testing/engine-test-kit";
import { admitScheduledTasks } from "./admit-scheduled-tasks";
import { waitUntil } from "@updraft/config/wait-until";

const t = useTestDatabase();

beforeAll(async () => {
  await ensureJobQueue(t.url);
});

async function states(runId: string) {
  const tis = await t.db.taskInstance.findMany({ where: { dagRunId: runId }, orderBy: { taskId: "asc" } });
  return Object.fromEntries(tis.map((ti) => [ti.taskId, [ti.state, ti.message]]));
}

async function activeIn(tenantId: string, pool: string) {
  return t.db.taskInstance.count({ where: { tenantId, pool, state: { in: ["QUEUED", "RUNNING"] } } });
}

function rootTasks(names: string[], extra: (name: string, i: number) => string = () => "") {
  return names.map((n, i) => `  - task_id: ${n}\n    command: ["true"]\n${extra(n, i)}`).join("");
}

describe("admission into execution slots", () => {
  it("gives scarce pool slots to the highest priority_weight first and says why the rest wait", async () => {
    const tenantId = await newTenant(t.db, "prio");
    await upsertPool(t.db, { tenantId, name: "gpu", slots: 1 });
    const weights: Record<string, number> = { low: 1, high: 10, mid: 5 };
    const dagDbId = await uploadDag(
      t.db,
      tenantId,
      `dag_id: gpu_work\nschedule: null\ntasks:\n${rootTasks(["low", "high", "mid"], (n) => `    pool: gpu\n    priority_weight: ${weights[n]}\n`)}`,
    );
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run.id);
    const waiting = 'waiting for a slot in pool "gpu" (1/1 used)';
    expect(await states(run.id)).toEqual({ high: ["QUEUED", null], low: ["SCHEDULED", waiting], mid: ["SCHEDULED", waiting] });

    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [launch] = await launchQueued(t.db, { runId: run.id });
      order.push(launch!.taskId);
      expect(await activeIn(tenantId, "gpu")).toBe(1);
      await finish(t.db, launch!);
    }
    expect(order).toEqual(["high", "mid", "low"]);
    expect((await t.db.dagRun.findUniqueOrThrow({ where: { id: run.id } })).state).toBe("SUCCESS");
  });

  it("breaks priority ties by the oldest run, then by the task's order in the file", async () => {
    const tenantId = await newTenant(t.db, "ties");
    await upsertPool(t.db, { tenantId, name: "single", slots: 0 });
    const dagDbId = await uploadDag(
      t.db,
      tenantId,
      `dag_id: ties\nschedule: null\ntasks:\n${rootTasks(["second_in_name", "another"], () => "    pool: single\n")}`,
    );
    const older = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await new Promise((r) => setTimeout(r, 5));
    const newer = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, newer.id);
    await evaluateRun(t.db, older.id);
    expect((await instance(t.db, older.id, "another")).message).toBe('waiting for a slot in pool "single" (0/0 used)');

    await upsertPool(t.db, { tenantId, name: "single", slots: 1 });
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [launch] = await launchQueued(t.db, { tenantId });
      order.push(`${launch!.runId === older.runId ? "older" : "newer"}.${launch!.taskId}`);
      await finish(t.db, launch!);
    }
    expect(order).toEqual(["older.second_in_name", "older.another", "newer.second_in_name", "newer.another"]);
  });

  it("keeps a DAG within max_active_tasks across its runs", async () => {
    const tenantId = await newTenant(t.db, "limits");
    const dagDbId = await uploadDag(
      t.db,
      tenantId,
      `dag_id: limited\nschedule: null\nmax_active_tasks: 2\ntasks:\n${rootTasks(["a", "b", "c"])}`,
    );
    const run1 = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await new Promise((r) => setTimeout(r, 5));
    const run2 = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run1.id);
    await evaluateRun(t.db, run2.id);
    const limit = "waiting: max_active_tasks 2 reached";
    expect(await states(run1.id)).toEqual({ a: ["QUEUED", null], b: ["QUEUED", null], c: ["SCHEDULED", limit] });
    expect(await states(run2.id)).toEqual({ a: ["SCHEDULED", limit], b: ["SCHEDULED", limit], c: ["SCHEDULED", limit] });

    const [first] = await launchQueued(t.db, { runId: run1.id });
    await finish(t.db, first!);
    expect(await states(run1.id)).toMatchObject({ c: ["QUEUED", null] });
    expect(await t.db.taskInstance.count({ where: { tenantId, state: { in: ["QUEUED", "RUNNING"] } } })).toBe(2);
  });

  it("holds back a task whose pool does not exist until the pool is created, and again once it is deleted", async () => {
    const tenantId = await newTenant(t.db, "nopool");
    const dagDbId = await uploadDag(t.db, tenantId, `dag_id: needs_gpu\nschedule: null\ntasks:\n${rootTasks(["train", "more"], () => "    pool: gpu\n")}`);
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run.id);
    const missing = 'waiting for pool "gpu", which does not exist: create it on the Pools page';
    expect(await states(run.id)).toEqual({ more: ["SCHEDULED", missing], train: ["SCHEDULED", missing] });

    await upsertPool(t.db, { tenantId, name: "gpu", slots: 1 });
    expect(await states(run.id)).toEqual({ more: ["SCHEDULED", 'waiting for a slot in pool "gpu" (1/1 used)'], train: ["QUEUED", null] });

    await deletePool(t.db, { tenantId, name: "gpu" });
    expect((await instance(t.db, run.id, "more")).message).toBe(missing);
  });

  it("never oversubscribes a pool when many runs are evaluated at once", async () => {
    const tenantId = await newTenant(t.db, "race");
    await upsertPool(t.db, { tenantId, name: "narrow", slots: 3 });
    const dagDbId = await uploadDag(t.db, tenantId, `dag_id: wide\nschedule: null\ntasks:\n${rootTasks(["a", "b", "c", "d"], () => "    pool: narrow\n")}`);
    const runs = [];
    for (let i = 0; i < 8; i++) runs.push(await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null }));
    await Promise.all(runs.map((run) => evaluateRun(t.db, run.id)));
    expect(await activeIn(tenantId, "narrow")).toBe(3);
    await Promise.all((await launchQueued(t.db, { tenantId })).map((launch) => finish(t.db, launch)));
    expect(await activeIn(tenantId, "narrow")).toBe(3);
    await admitScheduledTasks(t.db, { tenantId });
    expect(await activeIn(tenantId, "narrow")).toBe(3);
  });

  it("commits a run's progress without waiting while another transaction admits, and admits right after", async () => {
    const tenantId = await newTenant(t.db, "busy");
    const dagDbId = await uploadDag(t.db, tenantId, `dag_id: busy\nschedule: null\ntasks:\n${rootTasks(["only"])}`);
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => (locked = r));
    const holder = t.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`updraft.admission:${tenantId}`}, 0))`;
      locked();
      await released;
    });
    await lockTaken;
    const evaluation = evaluateRun(t.db, run.id);
    // The run's own change is committed while admission waits for the lock.
    await waitUntil(async () => (await instance(t.db, run.id, "only")).state === "SCHEDULED", () => "only to be scheduled", { pollMs: 20 });
    release();
    await holder;
    await evaluation;
    expect((await instance(t.db, run.id, "only")).state).toBe("QUEUED");
    expect((await pendingJobs(t.db, "launch_task")).map((j) => j.key)).toContain(`launch_task:${(await instance(t.db, run.id, "only")).id}:1`);
  });
});
