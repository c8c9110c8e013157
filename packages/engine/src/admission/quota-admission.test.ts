import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import { evaluateRun } from "../runs/evaluate-run";
import { triggerDagRun } from "../runs/trigger-dag-run";
import { finish, instance, launchQueued, launchTask, newTenant, uploadDag } from "../testing/engine-test-kit";

const t = useTestDatabase();

beforeAll(async () => {
  await ensureJobQueue(t.url);
});

/** [state, message] of every task of the run, by task id. */
async function states(runId: string) {
  const tis = await t.db.taskInstance.findMany({ where: { dagRunId: runId }, orderBy: { taskId: "asc" } });
  return Object.fromEntries(tis.map((ti) => [ti.taskId, [ti.state, ti.message]]));
}

/** A DAG of independent tasks, each with the given extra YAML (indented for a task). */
function dag(dagId: string, tasks: Record<string, string>, extra = "") {
  const body = Object.entries(tasks)
    .map(([id, more]) => `  - task_id: ${id}\n    command: ["true"]\n${more}`)
    .join("");
  return `dag_id: ${dagId}\nschedule: null\n${extra}tasks:\n${body}`;
}

const cpu = (quantity: string, priority = 1) => `    priority_weight: ${priority}\n    resources:\n      requests: { cpu: "${quantity}" }\n`;

async function startRun(tenantId: string, source: string) {
  const dagDbId = await uploadDag(t.db, tenantId, source);
  const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
  await evaluateRun(t.db, run.id);
  return run;
}

describe("admission within the tenant's quota", () => {
  it("keeps tasks that do not fit the cpu quota waiting, and admits them when a running one finishes", async () => {
    const tenantId = await newTenant(t.db, "cpu-quota", { cpu: "1" });
    const run = await startRun(tenantId, dag("halves", { a: cpu("500m", 3), b: cpu("500m", 2), c: cpu("500m", 1) }));
    expect(await states(run.id)).toEqual({
      a: ["QUEUED", null],
      b: ["QUEUED", null],
      c: ["SCHEDULED", "waiting for quota: cpu 1/1 (needs 0.5)"],
    });

    const a = await launchTask(t.db, run.id, "a");
    const b = await launchTask(t.db, run.id, "b");
    await finish(t.db, a);
    expect(await states(run.id)).toMatchObject({ a: ["SUCCESS", null], b: ["RUNNING", null], c: ["QUEUED", null] });
    const c = await launchTask(t.db, run.id, "c");
    await finish(t.db, b);
    await finish(t.db, c);
    expect((await t.db.dagRun.findUniqueOrThrow({ where: { id: run.id } })).state).toBe("SUCCESS");
  });

  it("lets a smaller task through when a bigger one of higher priority does not fit", async () => {
    const tenantId = await newTenant(t.db, "smaller", { cpu: "2" });
    const run = await startRun(tenantId, dag("mixed", { first: cpu("1", 10), big: cpu("1500m", 5), small: cpu("500m", 1) }));
    expect(await states(run.id)).toEqual({
      big: ["SCHEDULED", "waiting for quota: cpu 1.5/2 (needs 1.5)"],
      first: ["QUEUED", null],
      small: ["QUEUED", null],
    });
  });

  it("counts tasks without a request as 250m cpu and 256Mi memory, and says when memory is short", async () => {
    const tenantId = await newTenant(t.db, "memory", { memory: "1Gi" });
    const run = await startRun(
      tenantId,
      dag("memory", { plain: "", large: "    resources:\n      limits: { memory: 1Gi }\n" }),
    );
    expect(await states(run.id)).toEqual({
      large: ["SCHEDULED", "waiting for quota: memory 256Mi/1Gi (needs 1Gi)"],
      plain: ["QUEUED", null],
    });
  });

  it("holds every waiting task back at max concurrent tasks, also those admission did not read", async () => {
    const tenantId = await newTenant(t.db, "concurrent", { maxConcurrentTasks: 2 });
    const tasks = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`t${String(i).padStart(2, "0")}`, ""]));
    const run = await startRun(tenantId, dag("wide", tasks, "max_active_tasks: 64\n"));
    const tis = await t.db.taskInstance.findMany({ where: { dagRunId: run.id } });
    expect(tis.filter((ti) => ti.state === "QUEUED")).toHaveLength(2);
    const waiting = tis.filter((ti) => ti.state === "SCHEDULED");
    expect(waiting).toHaveLength(38);
    expect(new Set(waiting.map((ti) => ti.message))).toEqual(new Set(["waiting for quota: 2/2 concurrent tasks"]));

    const launches = await launchQueued(t.db, { runId: run.id });
    await finish(t.db, launches[0]!);
    expect(await t.db.taskInstance.count({ where: { dagRunId: run.id, state: { in: ["QUEUED", "RUNNING"] } } })).toBe(2);
  });

  it("holds tasks back when the tenant's pods are all taken", async () => {
    const tenantId = await newTenant(t.db, "pods", { pods: 1 });
    const run = await startRun(tenantId, dag("pods", { a: cpu("100m", 2), b: cpu("100m", 1) }));
    expect(await states(run.id)).toEqual({ a: ["QUEUED", null], b: ["SCHEDULED", "waiting for quota: pods 1/1"] });
  });

  it("says when a task needs more GPUs than the quota could ever give, and runs the others", async () => {
    const tenantId = await newTenant(t.db, "no-gpu");
    const run = await startRun(tenantId, dag("gpu", { train: "    resources:\n      requests: { gpu: 1 }\n", etl: "" }));
    expect(await states(run.id)).toEqual({
      etl: ["QUEUED", null],
      train: [
        "SCHEDULED",
        "waiting for quota: gpu 0/0 (needs 1): the tenant's quota can never fit this task; ask a platform admin to raise it",
      ],
    });
  });

  it("stores each task's request from its spec: requests, else limits, else none (the default)", async () => {
    const tenantId = await newTenant(t.db, "requests");
    const run = await startRun(
      tenantId,
      dag(
        "requests",
        {
          both: "    resources:\n      requests: { cpu: 250m, memory: 512Mi }\n      limits: { cpu: '2', memory: 1Gi, gpu: 1 }\n",
          limits_only: "    resources:\n      limits: { cpu: '1.5', memory: 2Gi }\n",
          none: "",
        },
      ),
    );
    const request = async (taskId: string) => {
      const ti = await instance(t.db, run.id, taskId);
      return [ti.requestCpuMillis, ti.requestMemoryBytes === null ? null : Number(ti.requestMemoryBytes), ti.requestGpus];
    };
    expect(await request("both")).toEqual([250, 512 * 2 ** 20, 1]);
    expect(await request("limits_only")).toEqual([1500, 2 * 2 ** 30, 0]);
    expect(await request("none")).toEqual([null, null, 0]);
  });
});
