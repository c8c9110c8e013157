import { createTenant, type Tenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun } from "@updraft/engine";
import { executorKey } from "@updraft/executor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadDag } from "../testing/upload-dag";
import { waitForRunToFinish } from "../testing/wait-for-run";
import { startKubeFixture, storedLog, waitFor, waitForProvisioned, type KubeFixture } from "./testing/kube-scheduler-fixture";

const t = useTestDatabase();
let fx: KubeFixture;
let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
  fx = await startKubeFixture(t.url);
  await fx.startKubeScheduler();
  // The scheduler provisions every tenant when it starts.
  await waitForProvisioned(t.db, tenant.id);
});
afterAll(async () => {
  await fx?.close();
});

async function run(source: string) {
  const dag = await uploadDag(t.db, tenant.id, source);
  const { id } = await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
  const finished = await waitForRunToFinish(t.db, id);
  return { ...finished, byTask: Object.fromEntries(finished.taskInstances.map((ti) => [ti.taskId, ti])) };
}

describe("the scheduler on Kubernetes", () => {
  it("runs a → b, a → c to success, one pod per try in the tenant's namespace, storing each task's output", async () => {
    fx.api.state.scriptImage("acme/extract:1", { logs: ["extracted 3 rows"] });
    fx.api.state.scriptImage("acme/transform:1", { logs: ["transformed 3 rows"] });
    fx.api.state.scriptImage("acme/load:1", { logs: ["loaded 3 rows", "done"] });
    const run1 = await run(`
dag_id: etl
schedule: null
tasks:
  - task_id: a
    image: acme/extract:1
    command: [python, -m, extract]
  - task_id: b
    depends_on: [a]
    image: acme/transform:1
    command: [python, -m, transform]
  - task_id: c
    depends_on: [a]
    image: acme/load:1
    command: [python, -m, load]
`);
    expect(run1.state).toBe("SUCCESS");
    const { a, b, c } = run1.byTask;
    for (const ti of [a!, b!, c!]) {
      expect(ti.state).toBe("SUCCESS");
      expect(ti.tryNumber).toBe(1);
      expect(ti.exitCode).toBe(0);
    }
    for (const down of [b!, c!]) expect(down.startedAt!.getTime()).toBeGreaterThanOrEqual(a!.endedAt!.getTime());

    expect(await storedLog(t.db, a!.id)).toBe("extracted 3 rows\n");
    expect(await storedLog(t.db, b!.id)).toBe("transformed 3 rows\n");
    expect(await storedLog(t.db, c!.id)).toBe("loaded 3 rows\ndone\n");
    expect(await storedLog(t.db, a!.id, "SYSTEM")).toContain(`Created pod updraft-acme/${executorKey(a!.id, 1)} (image acme/extract:1)`);

    const creates = fx.api.requests.filter((r) => r.verb === "create" && r.resource === "pods" && r.status === 201);
    expect(creates.map((r) => r.namespace)).toEqual(["updraft-acme", "updraft-acme", "updraft-acme"]);
    expect(fx.podsCreated().sort()).toEqual([a!, b!, c!].map((ti) => executorKey(ti.id, 1)).sort());
    await waitFor("the finished pods to be deleted", () => fx.pods("acme").length === 0);
  });

  it("fails tries with the reason Kubernetes gives: OOMKilled, an image that cannot be pulled", async () => {
    fx.api.state.scriptImage("acme/oom:1", { logs: ["loading everything into memory"], oomKilled: true });
    fx.api.state.scriptImage("acme/typo:1", { imagePullError: 'failed to pull and unpack image "docker.io/acme/typo:1": not found' });
    fx.api.clearRequests();
    const run2 = await run(`
dag_id: breaks
schedule: null
default_args:
  retries: 0
tasks:
  - task_id: greedy
    image: acme/oom:1
    command: [python, -m, greedy]
    resources:
      requests: { memory: 256Mi }
      limits: { memory: 512Mi }
  - task_id: typo
    image: acme/typo:1
    command: [python, -m, job]
`);
    expect(run2.state).toBe("FAILED");
    const { greedy, typo } = run2.byTask;
    expect(greedy).toMatchObject({ state: "FAILED", tryNumber: 1, exitCode: 137, message: "OOMKilled (memory limit 512Mi)" });
    expect(await storedLog(t.db, greedy!.id)).toBe("loading everything into memory\n");
    expect(typo).toMatchObject({ state: "FAILED", tryNumber: 1, exitCode: null });
    expect(typo!.message).toMatch(/^image pull failed: ImagePullBackOff: Back-off pulling image "acme\/typo:1": .*not found/);

    const tries = await t.db.taskTry.findMany({ where: { taskInstanceId: { in: [greedy!.id, typo!.id] } } });
    expect(tries.map((x) => [x.tryNumber, x.state])).toEqual([
      [1, "FAILED"],
      [1, "FAILED"],
    ]);
    // Failed pods are deleted too (UPDRAFT_KUBE_KEEP_FAILED_PODS is off).
    await waitFor("the failed pods to be deleted", () => fx.pods("acme").length === 0);
  });

  it("provisions a tenant whose namespace is missing, holding its task in the queue meanwhile (same try, not failed)", async () => {
    // A tenant made behind the scheduler's back: nobody asked for its namespace.
    const initech = await createTenant(t.db, { slug: "initech", name: "Initech" });
    expect(fx.api.state.get("namespaces", undefined, "updraft-initech")).toBeUndefined();
    const dag = await uploadDag(t.db, initech.id, `
dag_id: first
schedule: null
tasks:
  - task_id: hello
    image: initech/hello:1
    command: [python, -m, hello]
`);
    fx.api.state.scriptImage("initech/hello:1", { logs: ["hello from initech"] });
    const { id: runId } = await triggerDagRun(t.db, { tenantId: initech.id, dagDbId: dag.dagDbId, triggeredById: null });
    const waiting = await waitFor("the task to wait for the namespace", () =>
      t.db.taskInstance
        .findFirst({ where: { dagRunId: runId, state: "QUEUED", message: "waiting for the tenant's Kubernetes namespace to be provisioned" } })
        .then((ti) => ti ?? undefined),
    );
    expect(waiting.tryNumber).toBe(1);

    const finished = await waitForRunToFinish(t.db, runId);
    expect(finished.state).toBe("SUCCESS");
    expect(finished.taskInstances[0]).toMatchObject({ state: "SUCCESS", tryNumber: 1 });
    expect((await t.db.taskTry.findMany({ where: { taskInstanceId: waiting.id } })).map((x) => [x.tryNumber, x.state])).toEqual([[1, "SUCCESS"]]);
    expect(await storedLog(t.db, waiting.id)).toBe("hello from initech\n");
    expect(fx.api.state.get("resourcequotas", "updraft-initech", "updraft-quota")).toBeDefined();
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: initech.id } })).provisionedAt).not.toBeNull();
  });
});
