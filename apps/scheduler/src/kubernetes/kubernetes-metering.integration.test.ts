import { createTenant, type Tenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun } from "@updraft/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadDag } from "../testing/upload-dag";
import { waitForRunToFinish } from "../testing/wait-for-run";
import { startKubeFixture, waitFor, waitForProvisioned, type KubeFixture } from "./testing/kube-scheduler-fixture";

const t = useTestDatabase();
let fx: KubeFixture;
let tenant: Tenant;
const MIB = 2 ** 20;

beforeAll(async () => {
  tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
  fx = await startKubeFixture(t.url);
  await fx.startKubeScheduler({ meterIntervalMs: 100 });
  await waitForProvisioned(t.db, tenant.id);
});
afterAll(async () => {
  await fx?.close();
});

describe("metering on Kubernetes", () => {
  it("stores metrics.k8s.io samples of a running pod and thins them into the try's totals and cost", async () => {
    fx.api.state.scriptImage("acme/busy:1", { runMs: 1500, usage: { cpu: "500m", memory: "200Mi" } });
    const dag = await uploadDag(
      t.db,
      tenant.id,
      `
dag_id: busy
schedule: null
tasks:
  - task_id: busy
    image: acme/busy:1
    command: [python, -m, busy]
`,
    );
    const { id } = await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
    const ti = await waitFor("the busy task to run", async () => {
      const row = await t.db.taskInstance.findFirst({ where: { dagRunId: id, taskId: "busy", state: "RUNNING" } });
      return row ?? undefined;
    });
    // Samples arrive while the pod runs.
    const sample = await waitFor("a usage sample", () => t.db.usageSample.findFirst({ where: { taskTry: { taskInstanceId: ti.id } } }).then((s) => s ?? undefined));
    expect(sample).toMatchObject({ cpuCores: 0.5, cpuSecondsTotal: null, memoryBytes: BigInt(200 * MIB) });

    const run = await waitForRunToFinish(t.db, id);
    expect(run.state).toBe("SUCCESS");
    const tried = await waitFor("the try to be costed", async () => {
      const row = await t.db.taskTry.findUniqueOrThrow({ where: { taskInstanceId_tryNumber: { taskInstanceId: ti.id, tryNumber: 1 } } });
      return row.cost !== null ? row : undefined;
    });
    const durationSeconds = (tried.endedAt!.getTime() - tried.startedAt!.getTime()) / 1000;
    expect(tried.cpuSeconds).toBeGreaterThan(0.5 * durationSeconds * 0.5);
    expect(tried.cpuSeconds).toBeLessThan(0.5 * durationSeconds * 1.5);
    expect(Number(tried.memoryAvgBytes)).toBeCloseTo(200 * MIB, -3);
    expect(tried.memoryPeakBytes).toBe(BigInt(200 * MIB));
    expect(Number(tried.cost)).toBeGreaterThan(0);
    expect(await t.db.usageSample.count({ where: { taskTryId: tried.id } })).toBe(0);
  });
});
