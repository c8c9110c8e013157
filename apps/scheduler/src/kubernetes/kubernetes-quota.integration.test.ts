import { createTenant, type Tenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun } from "@updraft/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadDag } from "../testing/upload-dag";
import { waitForRunToFinish } from "../testing/wait-for-run";
import { phaseOf, startKubeFixture, waitFor, waitForProvisioned, type KubeFixture } from "./testing/kube-scheduler-fixture";

const t = useTestDatabase();
let fx: KubeFixture;
let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
  // Room for two 500m tasks at once.
  await t.db.tenant.update({ where: { id: tenant.id }, data: { quotaCpu: "1", quotaMemory: "4Gi", quotaPods: 10 } });
  fx = await startKubeFixture(t.url);
  await fx.startKubeScheduler();
  await waitForProvisioned(t.db, tenant.id);
});
afterAll(async () => {
  await fx?.close();
});

const HALF_CPU = `
    resources:
      requests: { cpu: 500m, memory: 256Mi }
      limits: { cpu: 500m, memory: 256Mi }`;

async function trigger(source: string) {
  const dag = await uploadDag(t.db, tenant.id, source);
  return (await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId: dag.dagDbId, triggeredById: null })).id;
}

describe("tenant quotas on Kubernetes", () => {
  it("holds a task that does not fit the quota in SCHEDULED, saying why, and runs it when room frees up", async () => {
    fx.api.state.scriptImage("acme/work:1", { logs: ["working"], runMs: 2500 });
    const runId = await trigger(`
dag_id: three_wide
schedule: null
tasks:
${["one", "two", "three"].map((id) => `  - task_id: ${id}\n    image: acme/work:1\n    command: [python, -m, work]${HALF_CPU}`).join("\n")}
`);
    const waiting = await waitFor("a task waiting for quota", () =>
      t.db.taskInstance.findFirst({ where: { dagRunId: runId, state: "SCHEDULED", message: { startsWith: "waiting for quota" } } }).then((ti) => ti ?? undefined),
    );
    expect(waiting.message).toBe("waiting for quota: cpu 1/1 (needs 0.5)");
    const others = await t.db.taskInstance.findMany({ where: { dagRunId: runId, id: { not: waiting.id } } });
    expect(others).toHaveLength(2);
    for (const ti of others) expect(["QUEUED", "RUNNING"]).toContain(ti.state);

    const run = await waitForRunToFinish(t.db, runId);
    expect(run.state).toBe("SUCCESS");
    for (const ti of run.taskInstances) expect(ti).toMatchObject({ state: "SUCCESS", tryNumber: 1 });
    const tries = await t.db.taskTry.findMany({ where: { taskInstance: { dagRunId: runId } } });
    expect(tries.filter((x) => x.state !== "SUCCESS")).toEqual([]);
    expect(tries).toHaveLength(3);
    // The API server never had to refuse a pod: admission kept within the quota.
    expect(fx.api.requests.filter((r) => r.resource === "pods" && r.status === 403)).toEqual([]);
  });

  it("puts a try Kubernetes refuses for quota back in the queue (no failed try) and runs it, same try, once the quota has room", async () => {
    await waitFor("earlier pods to be gone", () => fx.pods("acme").length === 0);
    // Someone else's pod, created straight in the namespace, uses the whole cpu quota: Updraft's admission cannot know.
    fx.api.state.put("pods", {
      metadata: { name: "hog", namespace: "updraft-acme", labels: { app: "hog" } },
      spec: {
        containers: [
          { name: "hog", image: "hog:1", resources: { requests: { cpu: "1", memory: "256Mi" }, limits: { cpu: "1", memory: "256Mi" } } },
        ],
      },
      status: { phase: "Running" },
    });
    fx.api.state.scriptImage("acme/quick:1", { logs: ["ran at last"] });
    const runId = await trigger(`
dag_id: squeezed
schedule: null
tasks:
  - task_id: only
    image: acme/quick:1
    command: [python, -m, quick]${HALF_CPU}
`);
    const queued = await waitFor("the refused try back in the queue", () =>
      t.db.taskInstance.findFirst({ where: { dagRunId: runId, state: "QUEUED", message: { startsWith: "waiting for quota: Kubernetes" } } }).then((ti) => ti ?? undefined),
    );
    expect(queued.message).toMatch(/^waiting for quota: Kubernetes refused the pod \(.*exceeded quota: updraft-quota, requested: .*limits\.cpu=500m.*\)$/);
    expect(queued.tryNumber).toBe(1);
    expect(fx.api.requests.some((r) => r.verb === "create" && r.resource === "pods" && r.status === 403)).toBe(true);
    expect(await t.db.taskTry.findMany({ where: { taskInstanceId: queued.id, state: "FAILED" } })).toEqual([]);
    expect(phaseOf(fx.api.state.get("pods", "updraft-acme", "hog"))).toBe("Running");

    fx.api.state.remove("pods", "updraft-acme", "hog");
    const run = await waitForRunToFinish(t.db, runId);
    expect(run.state).toBe("SUCCESS");
    expect(run.taskInstances[0]).toMatchObject({ state: "SUCCESS", tryNumber: 1 });
    const tries = await t.db.taskTry.findMany({ where: { taskInstanceId: queued.id } });
    expect(tries.map((x) => [x.tryNumber, x.state])).toEqual([[1, "SUCCESS"]]);
  });
});
