import { Writable } from "node:stream";
import { useTestDatabase } from "@updraft/db/testing";
import { requestTaskKill } from "@updraft/engine";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { runDagToEnd } from "../testing/run-dag-to-end";
import { startTaskToKill } from "../testing/start-task-to-kill";
import { useLocalSchedulerWithTenant } from "../testing/use-local-scheduler-with-tenant";

const t = useTestDatabase();
const lines: Record<string, unknown>[] = [];

/** pino writes one JSON line per write here, as it would to stdout. */
const memory = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

const TASK_FIELDS = ["tenant", "dag", "run", "task"] as const;

const local = useLocalSchedulerWithTenant(t, { logger: pino({ name: "scheduler", level: "debug" }, memory) });

describe("the scheduler's log lines about tasks", () => {
  it("carry tenant, dag, run and task (and the try) on every line about a task, the try's end included", async () => {
    const run = await runDagToEnd(
      t.db,
      local.tenant.id,
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
    expect(run.state).toBe("FAILED");
    await expect.poll(() => lines.filter((l) => l.msg === "task try ended").length).toBe(3);

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
    const { runId: id, ti } = await startTaskToKill(t.db, local.tenant.id);
    await requestTaskKill(t.db, { taskInstanceId: ti.id, tryNumber: ti.tryNumber, reason: "marked failed by a test" });
    const run = await t.db.dagRun.findUniqueOrThrow({ where: { id } });
    await expect.poll(() => lines.find((l) => l.msg === "killing a task on request")).toMatchObject({
      tenant: "acme",
      dag: "killed",
      run: run.runId,
      task: "sleepy",
      try: 1,
      reason: "marked failed by a test",
    });
    await expect.poll(() => lines.find((l) => l.msg === "task try ended" && l.task === "sleepy")).toMatchObject({
      tenant: "acme",
      dag: "killed",
      run: run.runId,
      try: 1,
      outcome: "failed",
    });
  });
});
