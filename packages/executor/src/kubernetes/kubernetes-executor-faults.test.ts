import { afterEach, describe, expect, it } from "vitest";
import { QuotaExceededError } from "./executor/kubernetes-launch-errors";
import { DEFAULT_TENANT, startKubernetesExecutorFixture, type KubernetesExecutorFixture } from "./testing/kubernetes-executor-fixture";
import type { KubeObject } from "./testing/fake-kube-api";

let fx: KubernetesExecutorFixture;

afterEach(async () => {
  expect(fx.api.requests.filter((r) => r.status === 422)).toEqual([]);
  await fx.close();
});

const phaseOf = (pod: KubeObject | undefined) => (pod?.status as { phase?: string } | undefined)?.phase;
const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`);
const expectedOutput = (count: number) => lines(count).map((l) => `${l}\n`).join("");

describe("Kubernetes executor under API faults", () => {
  it("throws QuotaExceededError on 403 exceeded quota instead of failing the try, and launches once there is room", async () => {
    fx = await startKubernetesExecutorFixture({}, { ...DEFAULT_TENANT, quota: { cpu: "1", memory: "1Gi", gpus: 0, pods: 10 } });
    fx.api.state.scriptImage("acme/forever:1", { runForever: true });
    const { executor, recorder } = fx.newExecutor();
    const big = { requests: { cpu: "750m", memory: "256Mi" }, limits: { cpu: "750m", memory: "256Mi" } };
    const first = fx.request("acme/forever:1", { resources: big });
    const second = fx.request("acme/forever:1", { resources: big });
    await executor.launch(first);
    const error = await executor.launch(second).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect(error).toMatchObject({ namespace: "updraft-acme", key: second.key });
    expect((error as QuotaExceededError).apiMessage).toContain("exceeded quota: updraft-quota, requested: limits.cpu=750m,requests.cpu=750m");
    expect(executor.runningKeys()).toEqual([first.key]);
    expect(recorder.exits(second.key)).toEqual([]);

    await executor.kill(first.key, "making room");
    await expect.poll(() => fx.pod(first)).toBeUndefined();
    expect(await executor.launch(second)).toEqual({ adopted: false });
    await executor.kill(second.key, "test over");
  });

  it("retries pod creation through 429 and 500 with backoff", async () => {
    fx = await startKubernetesExecutorFixture();
    const { executor, recorder } = fx.newExecutor();
    fx.api.faults.failNext(2, { status: 429, retryAfterSeconds: 0, match: { verb: "create", resource: "pods" } });
    fx.api.faults.failNext(1, { status: 500, match: { verb: "create", resource: "pods" } });
    const task = fx.request("acme/ok:1");
    expect(await executor.launch(task)).toEqual({ adopted: false });
    const creates = fx.api.requests.filter((r) => r.verb === "create" && r.resource === "pods");
    expect(creates.map((r) => r.status)).toEqual([429, 429, 500, 201]);
    expect(creates[3]!.at - creates[0]!.at).toBeGreaterThanOrEqual(10);
    expect(await recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });
  });

  it("surfaces an API that stays down as a launch error (the launch job retries), tracking nothing", async () => {
    fx = await startKubernetesExecutorFixture();
    const { executor } = fx.newExecutor({ apiRetry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 10 } });
    fx.api.faults.failNext(3, { status: 500, match: { verb: "create", resource: "pods" } });
    const task = fx.request("acme/ok:1");
    await expect(executor.launch(task)).rejects.toThrow(/Could not create pod updraft-acme\/.*500 InternalError/);
    expect(executor.runningKeys()).toEqual([]);
    expect(await executor.launch(task)).toEqual({ adopted: false });
  });

  it("resyncs after dropped watch and log connections: every line once, one exit", async () => {
    fx = await startKubernetesExecutorFixture();
    fx.api.state.scriptImage("acme/chatty:1", { logs: lines(12), lineIntervalMs: 25 });
    const { executor, recorder } = fx.newExecutor();
    const task = fx.request("acme/chatty:1");
    await executor.launch(task);
    await recorder.waitFor(() => (recorder.output(task.key, "STDOUT").includes("line 3\n") ? true : undefined));
    expect(fx.api.faults.dropStreams({ abrupt: true })).toBeGreaterThanOrEqual(2);
    await recorder.waitFor(() => (recorder.output(task.key, "STDOUT").includes("line 7\n") ? true : undefined));
    fx.api.faults.dropStreams();
    expect(await recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recorder.output(task.key, "STDOUT")).toBe(expectedOutput(12));
    expect(recorder.exits(task.key)).toHaveLength(1);
    const watches = fx.api.requests.filter((r) => r.verb === "watch" && r.resource === "pods");
    expect(watches.length).toBeGreaterThanOrEqual(2);
    const logReads = fx.api.requests.filter((r) => r.resource === "pods/log");
    expect(logReads.some((r) => r.query.sinceTime !== undefined)).toBe(true);
  });

  it("catches a pod that finished while the watch was down, even when its history expired (410 Gone)", async () => {
    fx = await startKubernetesExecutorFixture();
    fx.api.state.scriptImage("acme/quick:1", { logs: ["a", "b"], runMs: 80 });
    const { executor, recorder } = fx.newExecutor();
    await executor.adopt();
    const task = fx.request("acme/quick:1");
    await executor.launch(task);
    // The watch drops and the API refuses the next lists while the pod finishes; its history is compacted.
    fx.api.faults.failNext(6, { status: 503, match: { verb: "list", resource: "pods" } });
    fx.api.faults.dropStreams({ abrupt: true });
    await expect.poll(() => phaseOf(fx.pod(task))).toBe("Succeeded");
    fx.api.state.compactWatchHistory();
    expect(await recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });
    expect(recorder.output(task.key, "STDOUT")).toBe("a\nb\n");
    expect(recorder.exits(task.key)).toHaveLength(1);
    await expect.poll(() => fx.pod(task)).toBeUndefined();
  });

  it("a restarted scheduler adopts a running pod: logs continue, the exit is reported once, by the new executor", async () => {
    fx = await startKubernetesExecutorFixture();
    fx.api.state.scriptImage("acme/long:1", { logs: lines(10), lineIntervalMs: 30 });
    const before = fx.newExecutor({ ownerId: "scheduler-1" });
    const task = fx.request("acme/long:1", { taskId: "train", runId: "scheduled__2024-05-01T00:00:00+00:00", tryNumber: 2 });
    await before.executor.launch(task);
    await before.recorder.waitFor(() => (before.recorder.output(task.key, "STDOUT").includes("line 2\n") ? true : undefined));
    await before.executor.shutdown();
    expect(phaseOf(fx.pod(task))).toBe("Running");

    const after = fx.newExecutor({ ownerId: "scheduler-1" });
    await after.executor.adopt();
    expect(after.executor.runningKeys()).toEqual([task.key]);
    expect(await after.recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });
    const exit = after.recorder.events.find((e) => e.type === "exit");
    expect(exit).toBeDefined();
    expect(after.recorder.output(task.key, "SYSTEM")).toContain(`Resumed tracking pod updraft-acme/${task.key} after a scheduler restart`);
    expect(after.recorder.output(task.key, "STDOUT")).toBe(expectedOutput(10));
    expect(before.recorder.exits(task.key)).toEqual([]);
    await expect.poll(() => fx.pod(task)).toBeUndefined();
  });

  it("rebuilds the launch of an adopted pod from its annotations (the full run id, task instance and try)", async () => {
    fx = await startKubernetesExecutorFixture();
    fx.api.state.scriptImage("acme/long:1", { runMs: 150 });
    const before = fx.newExecutor();
    const task = fx.request("acme/long:1", { taskId: "train", runId: "scheduled__2024-05-01T00:00:00+00:00", tryNumber: 2 });
    await before.executor.launch(task);
    await before.executor.shutdown();
    const seen: unknown[] = [];
    const after = fx.newExecutor();
    const exited = new Promise<void>((resolve) => {
      const original = after.recorder.handlers.onExit;
      after.recorder.handlers.onExit = (req, outcome) => {
        seen.push(req);
        resolve();
        return original(req, outcome);
      };
    });
    await exited;
    expect(seen[0]).toMatchObject({
      key: task.key,
      taskInstanceId: task.taskInstanceId,
      tryNumber: 2,
      tenantSlug: "acme",
      dagId: "etl",
      runId: "scheduled__2024-05-01T00:00:00+00:00",
      taskId: "train",
      image: "acme/long:1",
      command: ["python", "-m", "job"],
    });
  });

  it("adds latency to every API call and still completes", async () => {
    fx = await startKubernetesExecutorFixture();
    fx.api.faults.setLatency(30);
    const { executor, recorder } = fx.newExecutor();
    const task = fx.request("acme/ok:1");
    await executor.launch(task);
    expect(await recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });
  });
});
