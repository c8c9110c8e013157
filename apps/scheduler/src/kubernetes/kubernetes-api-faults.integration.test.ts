import { createTenant, type Tenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun } from "@updraft/engine";
import { executorKey } from "@updraft/executor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LaunchObservation } from "../instrumentation/scheduler-observer";
import { uploadDag } from "../testing/upload-dag";
import { waitForRunToFinish } from "../testing/wait-for-run";
import {
  asOutput,
  numberedLines,
  startKubeFixture,
  storedLog,
  waitFor,
  waitForProvisioned,
  type KubeFixture,
} from "./testing/kube-scheduler-fixture";

const t = useTestDatabase();
let fx: KubeFixture;
let tenant: Tenant;
const launches: LaunchObservation[] = [];

beforeAll(async () => {
  tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
  fx = await startKubeFixture(t.url);
  await fx.startKubeScheduler({ observer: { onLaunch: (l) => void launches.push(l) } });
  await waitForProvisioned(t.db, tenant.id);
});
afterAll(async () => {
  await fx?.close();
});

const TASKS = ["extract", "clean", "enrich", "score", "report"] as const;

describe("the scheduler on a flaky Kubernetes API", () => {
  it("finishes a DAG through 500s, 429s, dropped watches and log streams and latency: nothing lost, no try launched twice", async () => {
    for (const task of TASKS) fx.api.state.scriptImage(`acme/${task}:1`, { logs: numberedLines(12, task), lineIntervalMs: 30 });
    const dag = await uploadDag(
      t.db,
      tenant.id,
      `
dag_id: flaky
schedule: null
tasks:
  - task_id: extract
    image: acme/extract:1
    command: [python, -m, extract]
  - task_id: clean
    depends_on: [extract]
    image: acme/clean:1
    command: [python, -m, clean]
  - task_id: enrich
    depends_on: [extract]
    image: acme/enrich:1
    command: [python, -m, enrich]
  - task_id: score
    depends_on: [extract]
    image: acme/score:1
    command: [python, -m, score]
  - task_id: report
    depends_on: [clean, enrich, score]
    image: acme/report:1
    command: [python, -m, report]
`,
    );
    fx.api.faults.setLatency(15);
    fx.api.faults.failNext(2, { status: 500, match: { verb: "create", resource: "pods" } });
    fx.api.faults.failNext(2, { status: 429, retryAfterSeconds: 0, match: { verb: "create", resource: "pods" } });
    fx.api.faults.failNext(2, { status: 503, match: { verb: "list", resource: "pods" } });
    fx.api.faults.failNext(2, { status: 500, match: { verb: "delete", resource: "pods" } });
    fx.api.faults.failNext(2, { status: 503, match: { verb: "get", resource: "pods/log" } });

    const { id: runId } = await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
    // Drop every watch and log stream each time another task starts running, and once more mid-way through its output.
    const dropped = new Set<string>();
    const chaos = setInterval(() => {
      void t.db.taskInstance.findMany({ where: { dagRunId: runId, state: "RUNNING" }, select: { id: true } }).then((running) => {
        for (const { id } of running) {
          if (dropped.has(id)) continue;
          dropped.add(id);
          fx.api.faults.dropStreams({ abrupt: true });
          setTimeout(() => fx.api.faults.dropStreams(), 150);
        }
      });
    }, 20);
    let run;
    try {
      run = await waitForRunToFinish(t.db, runId);
    } finally {
      clearInterval(chaos);
    }
    expect(run.state).toBe("SUCCESS");
    expect(dropped.size).toBeGreaterThan(0);

    for (const ti of run.taskInstances) {
      expect(ti).toMatchObject({ state: "SUCCESS", tryNumber: 1 });
      expect(await storedLog(t.db, ti.id), `${ti.taskId}'s output`).toBe(asOutput(numberedLines(12, ti.taskId)));
    }
    const keys = run.taskInstances.map((ti) => executorKey(ti.id, 1)).sort();
    // One pod per try, created once; each try handed to the executor once.
    expect(fx.podsCreated().sort()).toEqual(keys);
    expect(launches.filter((l) => !l.adopted).map((l) => l.key).sort()).toEqual(keys);
    const tries = await t.db.taskTry.findMany({ where: { taskInstance: { dagRunId: runId } } });
    expect(tries.map((x) => x.state)).toEqual(TASKS.map(() => "SUCCESS"));
    // The faults were really hit.
    const failed = fx.api.requests.filter((r) => r.status >= 429).map((r) => `${r.verb} ${r.resource} ${r.status}`);
    expect(failed).toEqual(expect.arrayContaining(["create pods 500", "create pods 429", "delete pods 500"]));
    await waitFor("every pod to be deleted", () => fx.pods("acme").length === 0);
  });
});
