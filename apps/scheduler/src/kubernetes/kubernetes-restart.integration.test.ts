import { randomUUID } from "node:crypto";
import { createTenant, type Tenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun } from "@updraft/engine";
import { executorKey } from "@updraft/executor";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobObservation } from "../instrumentation/scheduler-observer";
import { startScheduler, type RunningScheduler } from "../start-scheduler";
import { uploadDag } from "../testing/upload-dag";
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
import { TEST_KEYRING } from "../testing/test-keyring";

const t = useTestDatabase();
let fx: KubeFixture;
let tenant: Tenant;
let bystander: RunningScheduler | undefined;

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
    // Another replica reconciles all along: it must not take the stopped scheduler's running pod for a zombie.
    const bystanderJobs: JobObservation[] = [];
    const schedulerId = randomUUID();
    const lines = numberedLines(40);
    fx.api.state.scriptImage("acme/train:1", { logs: lines, lineIntervalMs: 100 });
    const first = await fx.startKubeScheduler({ schedulerId });
    await waitForProvisioned(t.db, tenant.id);
    const dag = await uploadDag(
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
    const { id: runId } = await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
    const train = await waitFor("the training task to start", () =>
      t.db.taskInstance.findFirst({ where: { dagRunId: runId, taskId: "train", state: "RUNNING" } }).then((ti) => ti ?? undefined),
    );
    const key = executorKey(train.id, 1);
    await waitFor("a few stored lines of the training log", async () => (await storedLog(t.db, train.id)).includes("line 3\n"));
    bystander = await startScheduler({
      keyring: TEST_KEYRING,
      databaseUrl: t.url,
      executor: "noop",
      pollIntervalMs: 100,
      heartbeatIntervalMs: 200,
      reconcileIntervalMs: 100,
      zombieAfterMs: 10_000,
      observer: { onJob: (job) => void bystanderJobs.push(job) },
      logger: pino({ level: "silent" }),
    });

    await first.stop();
    const stoppedAt = performance.timeOrigin + performance.now();
    await waitFor("two reconcile passes of the other replica", () => bystanderJobs.filter((j) => j.name === "reconcile" && j.startedAt > stoppedAt).length >= 2);
    expect(phaseOf(fx.api.state.get("pods", "updraft-acme", key))).toBe("Running");
    expect((await t.db.taskInstance.findUniqueOrThrow({ where: { id: train.id } })).state).toBe("RUNNING");

    await fx.startKubeScheduler({ schedulerId });
    const run = await waitForRunToFinish(t.db, runId, 60_000);
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
