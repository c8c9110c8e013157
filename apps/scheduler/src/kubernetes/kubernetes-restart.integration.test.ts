import { randomUUID } from "node:crypto";
import { createTenant, type Tenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { executorKey } from "@updraft/executor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBystanderScheduler, type BystanderScheduler } from "../testing/start-bystander-scheduler";
import { triggerNewDag } from "../testing/trigger-new-dag";
import { waitForRunningTask } from "../testing/wait-for-running-task";
import { waitForRunToFinish } from "../testing/wait-for-run";
import {
  asOutput,
  numberedLines,
  phaseOf,
  startKubeFixture,
  storedLog,
  waitFor,
  waitForProvisioned,
  type KubeFixture,
} from "./testing/kube-scheduler-fixture";

const t = useTestDatabase();
let fx: KubeFixture;
let tenant: Tenant;
let bystander: BystanderScheduler | undefined;

beforeAll(async () => {
  tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
  fx = await startKubeFixture(t.url);
});
afterAll(async () => {
  await bystander?.stop();
  await fx?.close();
});

describe("restarting a Kubernetes scheduler", () => {
  it("adopts the pod it left running: one pod for the try, the run succeeds, every log line stored once", async () => {
    const schedulerId = randomUUID();
    const lines = numberedLines(40);
    fx.api.state.scriptImage("acme/train:1", { logs: lines, lineIntervalMs: 100 });
    const first = await fx.startKubeScheduler({ schedulerId });
    await waitForProvisioned(t.db, tenant.id);
    const runId = await triggerNewDag(
      t.db,
      tenant.id,
      `
dag_id: training
schedule: null
tasks:
  - task_id: prepare
    image: acme/prepare:1
    command: [python, -m, prepare]
  - task_id: train
    depends_on: [prepare]
    image: acme/train:1
    command: [python, -m, train]
`,
    );
    const train = await waitForRunningTask(t.db, runId, "train");
    const key = executorKey(train.id, 1);
    await waitFor("a few stored lines of the training log", async () => (await storedLog(t.db, train.id)).includes("line 3\n"));
    // Another replica reconciles all along: it must not take the stopped scheduler's running pod for a zombie.
    bystander = await startBystanderScheduler({ databaseUrl: t.url, zombieAfterMs: 10_000 });

    await first.stop();
    const stoppedAt = performance.timeOrigin + performance.now();
    await waitFor("two reconcile passes of the other replica", () => bystander!.reconcilePassesSince(stoppedAt) >= 2);
    expect(phaseOf(fx.api.state.get("pods", "updraft-acme", key))).toBe("Running");
    expect((await t.db.taskInstance.findUniqueOrThrow({ where: { id: train.id } })).state).toBe("RUNNING");

    await fx.startKubeScheduler({ schedulerId });
    const run = await waitForRunToFinish(t.db, runId);
    expect(run.state).toBe("SUCCESS");
    const finished = run.taskInstances.find((ti) => ti.taskId === "train")!;
    expect(finished).toMatchObject({ state: "SUCCESS", tryNumber: 1, exitCode: 0 });
    expect((await t.db.taskTry.findMany({ where: { taskInstanceId: train.id } })).map((x) => x.tryNumber)).toEqual([1]);

    expect(fx.podsCreated().filter((name) => name === key)).toHaveLength(1);
    expect(fx.api.requests.filter((r) => r.verb === "create" && r.resource === "pods" && r.status !== 201)).toEqual([]);
    expect(await storedLog(t.db, train.id)).toBe(asOutput(lines));
    expect(await storedLog(t.db, train.id, "SYSTEM")).toContain(`Resumed tracking pod updraft-acme/${key} after a scheduler restart`);
    await waitFor("the finished pod to be deleted", () => fx.pods("acme").length === 0);
  });
});
