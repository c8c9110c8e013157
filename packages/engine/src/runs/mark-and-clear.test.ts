import { useTestDatabase } from "@updraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import {
  finish,
  instance,
  launchQueued,
  launchTask,
  listenForKills,
  newTenant,
  pendingJobs,
  uploadDag,
} from "../testing/engine-test-kit";
import { UserError } from "../user-error";
import { clearTaskInstances } from "./clear-task-instances";
import { evaluateRun } from "./evaluate-run";
import { markDagRun } from "./mark-dag-run";
import { triggerDagRun } from "./trigger-dag-run";
import { waitUntil } from "@updraft/config/wait-until";

const t = useTestDatabase();
let tenantId: string;
let dagDbId: string;
let kills: Awaited<ReturnType<typeof listenForKills>>;

// a ─┬─ b ── d
//    └─ c
//  e (independent, retries 1)
const DAG = `
dag_id: pipeline
schedule: null
max_active_runs: 1
tasks:
  - task_id: a
    command: ["true"]
  - task_id: b
    depends_on: [a]
    command: ["true"]
    retries: 2
  - task_id: c
    depends_on: [a]
    command: ["true"]
  - task_id: d
    depends_on: [b]
    command: ["true"]
  - task_id: e
    command: ["true"]
    retries: 1
`;

beforeAll(async () => {
  await ensureJobQueue(t.url);
  tenantId = await newTenant(t.db, "ops");
  dagDbId = await uploadDag(t.db, tenantId, DAG);
  kills = await listenForKills(t.url);
});
afterAll(async () => {
  await kills?.stop();
});

async function states(runId: string) {
  const tis = await t.db.taskInstance.findMany({ where: { dagRunId: runId }, orderBy: { taskId: "asc" } });
  return Object.fromEntries(tis.map((ti) => [ti.taskId, ti.state]));
}

/** A started run where a succeeded, b and c run, e is queued but not launched yet, d waits. */
async function runInFlight() {
  const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
  await evaluateRun(t.db, run.id);
  await finish(t.db, await launchTask(t.db, run.id, "a"));
  await launchTask(t.db, run.id, "b");
  await launchTask(t.db, run.id, "c");
  expect(await states(run.id)).toEqual({ a: "SUCCESS", b: "RUNNING", c: "RUNNING", d: "NONE", e: "QUEUED" });
  return run;
}

async function finishRun(runId: string) {
  for (let i = 0; i < 10; i++) {
    const launches = await launchQueued(t.db, { runId });
    if (launches.length === 0) break;
    for (const launch of launches) await finish(t.db, launch);
  }
  return t.db.dagRun.findUniqueOrThrow({ where: { id: runId } });
}

describe("markDagRun", () => {
  it("mark failed: kills running tasks, fails running and queued ones, skips the rest, ends the run", async () => {
    const run = await runInFlight();
    kills.received.length = 0;
    await markDagRun(t.db, { tenantId, runDbId: run.id, state: "FAILED", actor: "ada@acme.dev" });

    expect(await states(run.id)).toEqual({ a: "SUCCESS", b: "FAILED", c: "FAILED", d: "SKIPPED", e: "FAILED" });
    expect((await instance(t.db, run.id, "b")).message).toBe("marked failed by ada@acme.dev");
    expect((await instance(t.db, run.id, "d")).message).toBe("skipped: the run was marked failed by ada@acme.dev");
    const finished = await t.db.dagRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.state).toBe("FAILED");
    expect(finished.endedAt).not.toBeNull();

    const b = await instance(t.db, run.id, "b");
    const c = await instance(t.db, run.id, "c");
    await waitUntil(async () => kills.received.length >= 2, () => `2 kill requests (got ${kills.received.length})`, { pollMs: 20 });
    expect(kills.received.sort((x, y) => x.taskInstanceId.localeCompare(y.taskInstanceId))).toEqual(
      [b, c]
        .map((ti) => ({ taskInstanceId: ti.id, tryNumber: 1, reason: "marked failed by ada@acme.dev" }))
        .sort((x, y) => x.taskInstanceId.localeCompare(y.taskInstanceId)),
    );
    // The queued try never ran: closed now. The running ones are closed by their kill's outcome.
    const e = await instance(t.db, run.id, "e");
    expect(await t.db.taskTry.findFirstOrThrow({ where: { taskInstanceId: e.id } })).toMatchObject({
      state: "FAILED",
      message: "marked failed by ada@acme.dev",
    });
    expect((await t.db.taskTry.findFirstOrThrow({ where: { taskInstanceId: b.id } })).endedAt).toBeNull();
    await finish(t.db, { taskInstanceId: b.id, tryNumber: 1 }, { exitCode: 143, reason: "marked failed by ada@acme.dev" });
    expect(await t.db.taskTry.findFirstOrThrow({ where: { taskInstanceId: b.id } })).toMatchObject({ state: "FAILED", exitCode: 143 });
    expect((await instance(t.db, run.id, "b")).state).toBe("FAILED");
  });

  it("mark success: every unfinished task succeeds and the next queued run starts", async () => {
    const run = await runInFlight();
    const waiting = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, waiting.id);
    expect((await t.db.dagRun.findUniqueOrThrow({ where: { id: waiting.id } })).state).toBe("QUEUED");

    await markDagRun(t.db, { tenantId, runDbId: run.id, state: "SUCCESS", actor: "bob" });
    expect(await states(run.id)).toEqual({ a: "SUCCESS", b: "SUCCESS", c: "SUCCESS", d: "SUCCESS", e: "SUCCESS" });
    expect((await instance(t.db, run.id, "d")).message).toBe("marked success by bob");
    expect((await t.db.dagRun.findUniqueOrThrow({ where: { id: run.id } })).state).toBe("SUCCESS");
    expect((await pendingJobs(t.db, "evaluate_run")).some((j) => j.key === `evaluate_run:${waiting.id}`)).toBe(true);
    await evaluateRun(t.db, waiting.id);
    expect((await t.db.dagRun.findUniqueOrThrow({ where: { id: waiting.id } })).state).toBe("RUNNING");
    await markDagRun(t.db, { tenantId, runDbId: waiting.id, state: "FAILED", actor: "bob" });
  });

  it("refuses runs of other tenants", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    const other = await newTenant(t.db, "other-mark");
    await expect(markDagRun(t.db, { tenantId: other, runDbId: run.id, state: "FAILED", actor: "x" })).rejects.toThrow(UserError);
    await markDagRun(t.db, { tenantId, runDbId: run.id, state: "FAILED", actor: "x" });
  });
});

describe("clearTaskInstances", () => {
  it("re-runs a finished run's task and its downstream with fresh retries; the run goes back to queued, then running", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run.id);
    expect((await finishRun(run.id)).state).toBe("SUCCESS");

    const result = await clearTaskInstances(t.db, { tenantId, runDbId: run.id, taskIds: ["b"], includeDownstream: true, actor: "ada" });
    expect(result.cleared).toEqual(["b", "d"]);
    expect(await states(run.id)).toEqual({ a: "SUCCESS", b: "NONE", c: "SUCCESS", d: "NONE", e: "SUCCESS" });
    const b = await instance(t.db, run.id, "b");
    expect(b).toMatchObject({ tryNumber: 1, maxTries: 1 + 2 + 1, message: null, endedAt: null, exitCode: null });
    expect((await t.db.dagRun.findUniqueOrThrow({ where: { id: run.id } })).state).toBe("QUEUED");

    await evaluateRun(t.db, run.id);
    expect((await t.db.dagRun.findUniqueOrThrow({ where: { id: run.id } })).state).toBe("RUNNING");
    expect(await instance(t.db, run.id, "b")).toMatchObject({ state: "QUEUED", tryNumber: 2 });
    const final = await finishRun(run.id);
    expect(final.state).toBe("SUCCESS");
    expect(await t.db.taskTry.count({ where: { taskInstanceId: b.id } })).toBe(2);
    expect(await t.db.taskTry.count({ where: { taskInstanceId: (await instance(t.db, run.id, "c")).id } })).toBe(1);
  });

  it("clears only the chosen task without includeDownstream, killing it when it runs", async () => {
    const run = await runInFlight();
    kills.received.length = 0;
    const b = await instance(t.db, run.id, "b");
    const result = await clearTaskInstances(t.db, { tenantId, runDbId: run.id, taskIds: ["b"], includeDownstream: false, actor: "ada" });
    expect(result.cleared).toEqual(["b"]);
    await waitUntil(async () => kills.received.length >= 1, () => "a kill request", { pollMs: 20 });
    expect(kills.received).toEqual([{ taskInstanceId: b.id, tryNumber: 1, reason: "cleared by ada" }]);
    expect(await states(run.id)).toMatchObject({ b: "NONE", d: "NONE" });
    // The killed try's outcome arrives afterwards and closes only its try.
    await finish(t.db, { taskInstanceId: b.id, tryNumber: 1 }, { exitCode: 143, reason: "cleared by ada" });
    expect((await instance(t.db, run.id, "b")).state).toBe("NONE");
    expect(await t.db.taskTry.findFirstOrThrow({ where: { taskInstanceId: b.id, tryNumber: 1 } })).toMatchObject({
      state: "FAILED",
      message: "cleared by ada",
    });
    await evaluateRun(t.db, run.id);
    expect(await instance(t.db, run.id, "b")).toMatchObject({ state: "QUEUED", tryNumber: 2 });
    await markDagRun(t.db, { tenantId, runDbId: run.id, state: "FAILED", actor: "ada" });
  });

  it("explains unknown task ids and empty selections", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await expect(
      clearTaskInstances(t.db, { tenantId, runDbId: run.id, taskIds: ["bb"], includeDownstream: false, actor: "ada" }),
    ).rejects.toThrow('Unknown task "bb" in DAG "pipeline": its tasks are "a", "b", "c", "d", "e".');
    await expect(
      clearTaskInstances(t.db, { tenantId, runDbId: run.id, taskIds: [], includeDownstream: false, actor: "ada" }),
    ).rejects.toThrow(UserError);
    await markDagRun(t.db, { tenantId, runDbId: run.id, state: "FAILED", actor: "ada" });
  });
});
