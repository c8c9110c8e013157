import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { executorKey } from "@updraft/executor";
import { startFakeKubeApi, type FakeKubeApi } from "@updraft/executor/kubernetes-testing";
import { afterAll, describe, expect, it } from "vitest";
import { waitUntilRegistered } from "../testing/scheduler-process";
import { readLaunchLog } from "../instrumentation/launch-log";
import { asOutput, CLUSTER_CIDRS, numberedLines, phaseOf, storedLog, waitFor, waitForProvisioned } from "../kubernetes/testing/kube-scheduler-fixture";
import { handoverSchedulerEnv } from "../testing/handover-scheduler-env";
import { createLogDirKeptOnFailure } from "../testing/log-dir-kept-on-failure";
import { createSchedulerProcessSet } from "../testing/scheduler-process-set";
import { triggerNewDag } from "../testing/trigger-new-dag";
import { waitForRunningTask } from "../testing/wait-for-running-task";
import { waitForRunToFinish } from "../testing/wait-for-run";

const t = useTestDatabase();
const schedulers = createSchedulerProcessSet();
let api: FakeKubeApi | undefined;
const logs = createLogDirKeptOnFailure();

afterAll(async () => {
  await schedulers.stopAll();
  await api?.close();
  // The schedulers' logs stay behind when the test failed.
  await logs.removeIfPassed();
});

describe("SIGTERM to a scheduler with the Kubernetes executor", () => {
  it("leaves its pod running; the next scheduler with the same id adopts it, one pod, every log line once", async () => {
    const dir = await logs.create("updraft-sigterm-kube-");
    const launchLog = join(dir, "launches.log");
    const kubeconfig = join(dir, "kubeconfig");
    await writeFile(launchLog, "");
    api = await startFakeKubeApi({ msPerSecond: 50 });
    await writeFile(kubeconfig, api.kubeConfig.exportConfig());
    // Long enough to outlast a scheduler's restart on a loaded machine.
    const lines = numberedLines(200, "step");
    api.state.scriptImage("acme/train:1", { logs: lines, lineIntervalMs: 100 });
    const schedulerId = randomUUID();
    const tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });

    const executorEnv = { UPDRAFT_EXECUTOR: "kubernetes", KUBECONFIG: kubeconfig, UPDRAFT_CLUSTER_CIDRS: CLUSTER_CIDRS.join(",") };
    const env = handoverSchedulerEnv({ databaseUrl: t.url, schedulerId, launchLog, executorEnv });
    const startSchedulerProcess = () => schedulers.spawn(dir, env);

    const first = startSchedulerProcess();
    await waitUntilRegistered(t.db, first);
    await waitForProvisioned(t.db, tenant.id);
    const runId = await triggerNewDag(
      t.db,
      tenant.id,
      `
dag_id: training
schedule: null
tasks:
  - task_id: train
    image: acme/train:1
    command: [python, -m, train]
`,
    );
    const train = await waitForRunningTask(t.db, runId, "train");
    const key = executorKey(train.id, 1);
    await waitFor("a few stored lines of the training log", async () => (await storedLog(t.db, train.id)).includes("step 3\n"));

    await first.stop();
    await expect(first.exited).resolves.toEqual({ code: 0, signal: null });
    expect(phaseOf(api.state.get("pods", "updraft-acme", key))).toBe("Running");
    expect((await t.db.schedulerInstance.findUniqueOrThrow({ where: { id: schedulerId } })).stoppedAt).toBeNull();

    const second = startSchedulerProcess();
    await waitFor(
      "the second scheduler to adopt the running pod",
      async () => (await storedLog(t.db, train.id, "SYSTEM")).includes("after a scheduler restart"),
    );
    const run = await waitForRunToFinish(t.db, runId);
    expect(run.state).toBe("SUCCESS");
    await second.stop();
    await expect(second.exited).resolves.toEqual({ code: 0, signal: null });

    const podCreations = api.requests.filter((r) => r.verb === "create" && r.resource === "pods" && r.status === 201);
    expect(podCreations).toHaveLength(1);
    const starts = readLaunchLog(launchLog).launches.filter((l) => l.key === key && !l.adopted);
    expect(starts).toHaveLength(1);
    expect((await t.db.taskTry.findMany({ where: { taskInstanceId: train.id } })).map((x) => `${x.tryNumber} ${x.state}`)).toEqual(["1 SUCCESS"]);
    expect(await storedLog(t.db, train.id)).toBe(asOutput(lines));
    logs.markPassed();
  });
});
