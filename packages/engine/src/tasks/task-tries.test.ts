import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import { evaluateRun } from "../runs/evaluate-run";
import { triggerDagRun } from "../runs/trigger-dag-run";
import { finish, instance, launchQueued, newTenant, pendingJobs, SCHEDULER, uploadDag } from "../testing/engine-test-kit";
import { recordTaskOutcome } from "../runs/record-task-outcome";
import { startTaskTry } from "./start-task-try";

const t = useTestDatabase();
let tenantId: string;
let dagDbId: string;

beforeAll(async () => {
  await ensureJobQueue(t.url);
  tenantId = await newTenant(t.db, "tries");
  dagDbId = await uploadDag(
    t.db,
    tenantId,
    `
dag_id: tries
schedule: null
params: { who: world }
tasks:
  - task_id: extract
    command: [sh, -c]
    args: ["echo extracting for {{ params.who }} on try {{ try_number }}"]
    env: { RUN: "{{ run_id }}", PLAIN: "yes" }
    priority_weight: 7
  - task_id: load
    depends_on: [extract]
    command: ["true"]
    pool: warehouse
`,
  );
});

describe("task instances and their tries", () => {
  it("copies each task's pool (default_pool when none) and priority_weight into its task instance", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    const extract = await instance(t.db, run.id, "extract");
    const load = await instance(t.db, run.id, "load");
    expect([extract.pool, extract.priorityWeight]).toEqual(["default_pool", 7]);
    expect([load.pool, load.priorityWeight]).toEqual(["warehouse", 1]);
  });

  it("creates a QUEUED try when a task is queued, with its launch job", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    const result = await evaluateRun(t.db, run.id);
    const extract = await instance(t.db, run.id, "extract");
    expect(result.queued).toEqual([{ taskInstanceId: extract.id, taskId: "extract", tryNumber: 1 }]);
    expect(extract).toMatchObject({ state: "QUEUED", tryNumber: 1, message: null });
    const tries = await t.db.taskTry.findMany({ where: { taskInstanceId: extract.id } });
    expect(tries).toHaveLength(1);
    expect(tries[0]).toMatchObject({ tryNumber: 1, state: "QUEUED", startedAt: null, endedAt: null });
    expect(tries[0]!.queuedAt).toEqual(extract.queuedAt);
    const launches = await pendingJobs(t.db, "launch_task");
    expect(launches.map((j) => j.key)).toContain(`launch_task:${extract.id}:1`);
    expect(launches.find((j) => j.key === `launch_task:${extract.id}:1`)!.payload).toEqual({ taskInstanceId: extract.id, tryNumber: 1 });
  });

  it("records who runs a try and exactly what it runs when it starts", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, conf: { who: "ada" }, triggeredById: null });
    await evaluateRun(t.db, run.id);
    const [launch] = await launchQueued(t.db, { runId: run.id });
    expect(launch).toMatchObject({ taskId: "extract", tryNumber: 1, command: ["sh", "-c"], args: ["echo extracting for ada on try 1"] });
    const extract = await instance(t.db, run.id, "extract");
    expect(extract).toMatchObject({ state: "RUNNING", schedulerId: SCHEDULER.schedulerId, executorKey: launch!.key });
    const tryRow = await t.db.taskTry.findUniqueOrThrow({ where: { taskInstanceId_tryNumber: { taskInstanceId: extract.id, tryNumber: 1 } } });
    expect(tryRow).toMatchObject({
      state: "RUNNING",
      executorKey: launch!.key,
      schedulerId: SCHEDULER.schedulerId,
      hostname: "test-host",
      renderedCommand: ["sh", "-c", "echo extracting for ada on try 1"],
      renderedEnv: { RUN: run.runId, PLAIN: "yes" },
    });
    expect(tryRow.startedAt).toEqual(extract.startedAt);
    // The effective request snapshot: extract states none, so the default 250m / 256Mi and no GPUs.
    expect({ cpu: tryRow.requestCpuMillis, memory: tryRow.requestMemoryBytes, gpus: tryRow.requestGpus }).toEqual({
      cpu: 250,
      memory: 256n * 1024n * 1024n,
      gpus: 0,
    });
  });

  it("hands a running try back to the replica that claimed it (adopt) and to no other", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run.id);
    const [launch] = await launchQueued(t.db, { runId: run.id });
    const again = await startTaskTry(t.db, {
      taskInstanceId: launch!.taskInstanceId,
      tryNumber: 1,
      executorKey: launch!.key,
      ...SCHEDULER,
    });
    expect(again).toEqual(launch);
    const other = await startTaskTry(t.db, {
      taskInstanceId: launch!.taskInstanceId,
      tryNumber: 1,
      executorKey: launch!.key,
      schedulerId: randomUUID(),
      hostname: "other-host",
    });
    expect(other).toBeNull();
    const stale = await startTaskTry(t.db, { taskInstanceId: launch!.taskInstanceId, tryNumber: 2, executorKey: "x", ...SCHEDULER });
    expect(stale).toBeNull();
    const ti = await t.db.taskInstance.findUniqueOrThrow({ where: { id: launch!.taskInstanceId } });
    expect(ti.schedulerId).toBe(SCHEDULER.schedulerId);
  });

  it("closes the try with its outcome and queues the downstream task in the same step", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run.id);
    const [launch] = await launchQueued(t.db, { runId: run.id });
    const endedAt = new Date(Date.now() + 5);
    expect(await finish(t.db, launch!, { exitCode: 0 }, endedAt)).toBe(true);
    const extract = await instance(t.db, run.id, "extract");
    expect(extract).toMatchObject({ state: "SUCCESS", exitCode: 0, endedAt, message: null });
    const tryRow = await t.db.taskTry.findFirstOrThrow({ where: { taskInstanceId: extract.id } });
    expect(tryRow).toMatchObject({ state: "SUCCESS", exitCode: 0, endedAt, message: null });
    // load's pool does not exist yet: it is ready but waits, saying why.
    const load = await instance(t.db, run.id, "load");
    expect(load.state).toBe("SCHEDULED");
    expect(load.message).toBe('waiting for pool "warehouse", which does not exist: create it on the Pools page');
    // The try's cost is worked out later, by a job queued with the outcome.
    const costing = (await pendingJobs(t.db, "finalize_try_usage")).find((j) => j.key === `finalize_try_usage:${extract.id}:1`);
    expect(costing?.payload).toEqual({ taskInstanceId: extract.id, tryNumber: 1 });
  });

  it("closes the try of a task instance that moved on, without touching the task instance", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run.id);
    const [launch] = await launchQueued(t.db, { runId: run.id });
    // As if a user had marked the task success meanwhile.
    await t.db.taskInstance.update({ where: { id: launch!.taskInstanceId }, data: { state: "SUCCESS", message: "marked success by ada" } });
    const changed = await recordTaskOutcome(t.db, {
      taskInstanceId: launch!.taskInstanceId,
      tryNumber: 1,
      outcome: "failed",
      exitCode: null,
      reason: "marked success by ada",
      endedAt: Date.now(),
    });
    expect(changed).toBe(false);
    const ti = await t.db.taskInstance.findUniqueOrThrow({ where: { id: launch!.taskInstanceId } });
    expect(ti).toMatchObject({ state: "SUCCESS", message: "marked success by ada", exitCode: null });
    const tryRow = await t.db.taskTry.findFirstOrThrow({ where: { taskInstanceId: ti.id, tryNumber: 1 } });
    expect(tryRow).toMatchObject({ state: "FAILED", message: "marked success by ada" });
    expect(tryRow.endedAt).not.toBeNull();
    // The closed try is costed all the same.
    expect((await pendingJobs(t.db, "finalize_try_usage")).map((j) => j.key)).toContain(`finalize_try_usage:${ti.id}:1`);
    // A repeated event does not rewrite the closed try.
    await finish(t.db, launch!, { exitCode: 0 });
    expect((await t.db.taskTry.findFirstOrThrow({ where: { taskInstanceId: ti.id, tryNumber: 1 } })).state).toBe("FAILED");
  });
});
