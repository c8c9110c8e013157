import { Writable } from "node:stream";
import { createTenant, type Tenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { requestTaskKill, triggerDagRun } from "@updraft/engine";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduler, type RunningScheduler } from "../start-scheduler";
import { TEST_KEYRING } from "../testing/test-keyring";
import { uploadDag } from "../testing/upload-dag";
import { waitForRunToFinish } from "../testing/wait-for-run";

const t = useTestDatabase();
let tenant: Tenant;
let scheduler: RunningScheduler;
const lines: Record<string, unknown>[] = [];

/** pino writes one JSON line per write here, as it would to stdout. */
const memory = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

const TASK_FIELDS = ["tenant", "dag", "run", "task"] as const;

beforeAll(async () => {
  tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
  scheduler = await startScheduler({
    keyring: TEST_KEYRING,
    databaseUrl: t.url,
    executor: "local",
    logger: pino({ name: "scheduler", level: "debug" }, memory),
  });
});
afterAll(async () => {
  await scheduler?.stop();
});

describe("the scheduler's log lines about tasks", () => {
  it("carry tenant, dag, run and task (and the try) on every line about a task, the try's end included", async () => {
    const dag = await uploadDag(
      t.db,
      tenant.id,
      `
dag_id: logged
schedule: null
tasks:
  - task_id: extract
    command: [sh, -c, "echo extracting"]
  - task_id: load
    depends_on: [extract]
    command: [sh, -c, "exit 4"]
  - task_id: typo
    command: [definitely-not-a-command-xyz]
`,
    );
    const { id } = await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
    const run = await waitForRunToFinish(t.db, id);
    expect(run.state).toBe("FAILED");
    await expect.poll(() => lines.filter((l) => l.msg === "task try ended").length, { timeout: 10_000 }).toBe(3);

    // A line about a task: it has any of the fields, or an executor key (the executors' own lines).
    const aboutTasks = lines.filter((l) => TASK_FIELDS.some((field) => field in l) || "key" in l);
    expect(aboutTasks.length).toBeGreaterThanOrEqual(3);
    for (const line of aboutTasks) {
      expect({ msg: line.msg, fields: TASK_FIELDS.filter((field) => typeof line[field] === "string") }).toEqual({ msg: line.msg, fields: [...TASK_FIELDS] });
    }

    const ended = lines.filter((l) => l.msg === "task try ended");
    expect(ended.map((l) => ({ tenant: l.tenant, dag: l.dag, run: l.run, task: l.task, try: l.try, outcome: l.outcome })).sort((a, b) => String(a.task).localeCompare(String(b.task)))).toEqual([
      { tenant: "acme", dag: "logged", run: run.runId, task: "extract", try: 1, outcome: "success" },
      { tenant: "acme", dag: "logged", run: run.runId, task: "load", try: 1, outcome: "failed" },
      { tenant: "acme", dag: "logged", run: run.runId, task: "typo", try: 1, outcome: "failed" },
    ]);
    // The executor's own lines were among those checked.
    expect(aboutTasks.some((l) => l.component === "local-executor")).toBe(true);
  });

  it("carry them on the kill listener's lines, which know the try only by its ids", async () => {
    const dag = await uploadDag(
      t.db,
      tenant.id,
      `
dag_id: killed
schedule: null
tasks:
  - task_id: sleepy
    command: [sleep, "60"]
`,
    );
    const { id } = await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
    const running = () => t.db.taskInstance.findFirst({ where: { dagRunId: id, taskId: "sleepy", state: "RUNNING" } });
    await expect.poll(running, { timeout: 20_000 }).not.toBeNull();
    const ti = (await running())!;
    await requestTaskKill(t.db, { taskInstanceId: ti.id, tryNumber: ti.tryNumber, reason: "marked failed by a test" });
    const run = await t.db.dagRun.findUniqueOrThrow({ where: { id } });
    await expect.poll(() => lines.find((l) => l.msg === "killing a task on request"), { timeout: 20_000 }).toMatchObject({
      tenant: "acme",
      dag: "killed",
      run: run.runId,
      task: "sleepy",
      try: 1,
      reason: "marked failed by a test",
    });
    await expect.poll(() => lines.find((l) => l.msg === "task try ended" && l.task === "sleepy"), { timeout: 20_000 }).toMatchObject({
      tenant: "acme",
      dag: "killed",
      run: run.runId,
      try: 1,
      outcome: "failed",
    });
  });
});
