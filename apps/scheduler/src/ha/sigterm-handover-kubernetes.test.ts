import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { TEST_SECRET_KEY, triggerDagRun } from "@updraft/engine";
import { executorKey } from "@updraft/executor";
import { startFakeKubeApi, type FakeKubeApi } from "@updraft/executor/kubernetes-testing";
import { afterAll, describe, expect, it } from "vitest";
import { spawnSchedulerProcess, waitUntilRegistered, type SchedulerProcess } from "../bench/scheduler-process";
import { readLaunchLog } from "../instrumentation/launch-log";
import { asOutput, CLUSTER_CIDRS, numberedLines, phaseOf, storedLog, waitFor, waitForProvisioned } from "../kubernetes/testing/kube-scheduler-fixture";
import { waitForRunToFinish } from "../testing/wait-for-run";
import { uploadDag } from "./ha-fixtures";

const t = useTestDatabase();
const live = new Set<SchedulerProcess>();
let api: FakeKubeApi | undefined;
let dir: string | undefined;
let passed = false;

afterAll(async () => {
  await Promise.all([...live].map((p) => p.stop()));
  await api?.close();
  // The schedulers' logs stay behind when the test failed.
  if (dir && passed) await rm(dir, { recursive: true, force: true });
});

describe("SIGTERM to a scheduler with the Kubernetes executor", () => {
  it("leaves its pod running; the next scheduler with the same id adopts it, one pod, every log line once", { timeout: 120_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), "updraft-sigterm-kube-"));
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

    let started = 0;
    const startSchedulerProcess = () => {
      const proc = spawnSchedulerProcess({
        logFile: join(dir!, `scheduler-${++started}.log`),
        env: {
          DATABASE_URL: t.url,
          UPDRAFT_SECRET_KEY: TEST_SECRET_KEY,
          UPDRAFT_EXECUTOR: "kubernetes",
          KUBECONFIG: kubeconfig,
          UPDRAFT_CLUSTER_CIDRS: CLUSTER_CIDRS.join(","),
          UPDRAFT_SCHEDULER_ID: schedulerId,
          UPDRAFT_LAUNCH_LOG: launchLog,
          UPDRAFT_METRICS_PORT: "0",
          UPDRAFT_TICK_SECONDS: "1",
          UPDRAFT_POLL_INTERVAL_MS: "100",
          UPDRAFT_HEARTBEAT_MS: "200",
          UPDRAFT_RECONCILE_MS: "500",
          UPDRAFT_ZOMBIE_AFTER_MS: "30000",
          LOG_LEVEL: "info",
        },
      });
      live.add(proc);
      void proc.exited.then(() => live.delete(proc));
      return proc;
    };

    const first = startSchedulerProcess();
    await waitUntilRegistered(t.db, first, 60_000);
    await waitForProvisioned(t.db, tenant.id);
    const dag = await uploadDag(
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
    const { id: runId } = await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
    const train = await waitFor("the training task to run", () =>
      t.db.taskInstance.findFirst({ where: { dagRunId: runId, taskId: "train", state: "RUNNING" } }).then((ti) => ti ?? undefined),
    );
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
      60_000,
    );
    const run = await waitForRunToFinish(t.db, runId, 60_000);
    expect(run.state).toBe("SUCCESS");
    await second.stop();
    await expect(second.exited).resolves.toEqual({ code: 0, signal: null });

    const podCreations = api.requests.filter((r) => r.verb === "create" && r.resource === "pods" && r.status === 201);
    expect(podCreations).toHaveLength(1);
    const starts = readLaunchLog(launchLog).launches.filter((l) => l.key === key && !l.adopted);
    expect(starts).toHaveLength(1);
    expect((await t.db.taskTry.findMany({ where: { taskInstanceId: train.id } })).map((x) => `${x.tryNumber} ${x.state}`)).toEqual(["1 SUCCESS"]);
    expect(await storedLog(t.db, train.id)).toBe(asOutput(lines));
    passed = true;
  });
});
