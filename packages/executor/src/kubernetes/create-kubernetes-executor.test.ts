import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startKubernetesExecutorFixture, type KubernetesExecutorFixture } from "./testing/kubernetes-executor-fixture";
import type { KubeObject } from "./testing/fake-kube-api";

let fx: KubernetesExecutorFixture;

beforeEach(async () => {
  fx = await startKubernetesExecutorFixture();
});
afterEach(async () => {
  expect(fx.api.requests.filter((r) => r.status === 422)).toEqual([]);
  await fx.close();
});

const phaseOf = (pod: KubeObject | undefined) => (pod?.status as { phase?: string } | undefined)?.phase;

describe("Kubernetes executor", () => {
  it("runs a three-task DAG to success, task after task, one pod each", async () => {
    const { executor, recorder } = fx.newExecutor();
    fx.api.state.scriptImage("acme/extract:1", { logs: ["extracted 3 rows"] });
    fx.api.state.scriptImage("acme/transform:1", { logs: ["transformed 3 rows"] });
    fx.api.state.scriptImage("acme/load:1", { logs: ["loaded 3 rows", "done"] });
    const tasks = [
      fx.request("acme/extract:1", { taskId: "extract" }),
      fx.request("acme/transform:1", { taskId: "transform", connectionIds: ["warehouse"] }),
      fx.request("acme/load:1", { taskId: "load", secretNames: ["openai_api_key"] }),
    ];
    for (const task of tasks) {
      expect(await executor.launch(task)).toEqual({ adopted: false });
      expect(executor.runningKeys()).toContain(task.key);
      expect(await recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });
    }
    expect(recorder.output(tasks[0]!.key, "STDOUT")).toBe("extracted 3 rows\n");
    expect(recorder.output(tasks[2]!.key, "STDOUT")).toBe("loaded 3 rows\ndone\n");
    const system = recorder.output(tasks[0]!.key, "SYSTEM");
    expect(system).toContain(`Created pod updraft-acme/${tasks[0]!.key} (image acme/extract:1)`);
    expect(system).toContain("Pod is running on node fake-node-1");
    expect(system).toMatch(/Container exited with code 0 after \d+\.\ds/);
    for (const task of tasks) {
      expect(recorder.exits(task.key)).toHaveLength(1);
      await expect.poll(() => fx.pod(task)).toBeUndefined();
    }
    expect(executor.runningKeys()).toEqual([]);
    const creates = fx.api.requests.filter((r) => r.verb === "create" && r.resource === "pods");
    expect(creates.map((r) => r.namespace)).toEqual(["updraft-acme", "updraft-acme", "updraft-acme"]);
    const body = creates[1]!.body as { spec: { containers: { env: unknown[] }[] } };
    expect(body.spec.containers[0]!.env).toContainEqual({
      name: "AIRFLOW_CONN_WAREHOUSE",
      valueFrom: { secretKeyRef: { name: "updraft-connections", key: "warehouse" } },
    });
  });

  it("fails a task without an image with a reason that says how to fix it, creating nothing", async () => {
    const { executor, recorder } = fx.newExecutor();
    const task = fx.request(null);
    expect(await executor.launch(task)).toEqual({ adopted: false });
    expect(await recorder.waitForExit(task.key)).toEqual({
      kind: "failed",
      exitCode: null,
      reason: expect.stringContaining("the task has no image"),
    });
    expect(fx.api.requests.some((r) => r.verb === "create" && r.resource === "pods")).toBe(false);
  });

  it("adopts a launch of the same key: in memory, and through 409 AlreadyExists from a fresh executor", async () => {
    fx.api.state.scriptImage("acme/slow:1", { logs: ["working"], runMs: 400 });
    const first = fx.newExecutor();
    const task = fx.request("acme/slow:1");
    await first.executor.launch(task);
    expect(await first.executor.launch(task)).toEqual({ adopted: true });
    await first.executor.shutdown();

    const second = fx.newExecutor();
    expect(await second.executor.launch(task)).toEqual({ adopted: true });
    expect(fx.api.requests.filter((r) => r.verb === "create" && r.resource === "pods").map((r) => r.status)).toEqual([201, 409]);
    expect(await second.recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });
    expect(second.recorder.output(task.key, "STDOUT")).toContain("working\n");
    expect(second.recorder.exits(task.key)).toHaveLength(1);
    expect(first.recorder.exits(task.key)).toHaveLength(0);
  });

  it("kill deletes the pod and reports the kill reason once", async () => {
    fx.api.state.scriptImage("acme/forever:1", { runForever: true, logs: ["started"] });
    const { executor, recorder } = fx.newExecutor();
    const task = fx.request("acme/forever:1");
    await executor.launch(task);
    await expect.poll(() => phaseOf(fx.pod(task))).toBe("Running");
    await executor.kill(task.key, "marked as failed by alice");
    expect(recorder.exits(task.key)).toEqual([{ kind: "failed", exitCode: null, reason: "marked as failed by alice" }]);
    expect(fx.api.requests.some((r) => r.verb === "delete" && r.resource === "pods" && r.name === task.key)).toBe(true);
    await expect.poll(() => fx.pod(task)).toBeUndefined();
    expect(executor.runningKeys()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recorder.exits(task.key)).toHaveLength(1);
  });

  it("shutdown stops watching but leaves pods running for the next scheduler", async () => {
    fx.api.state.scriptImage("acme/forever:1", { runForever: true });
    const { executor, recorder } = fx.newExecutor();
    const task = fx.request("acme/forever:1");
    await executor.launch(task);
    await expect.poll(() => phaseOf(fx.pod(task))).toBe("Running");
    await executor.shutdown();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(phaseOf(fx.pod(task))).toBe("Running");
    expect(recorder.exits(task.key)).toEqual([]);
    expect(fx.api.requests.some((r) => r.verb === "delete")).toBe(false);
    await expect(executor.launch(fx.request("acme/forever:1"))).rejects.toThrow(/shutting down/);
  });

  it("rate limits pod creation to the configured QPS", async () => {
    const { executor, recorder } = fx.newExecutor({ createQps: 20, createBurst: 2 });
    const tasks = Array.from({ length: 6 }, () => fx.request("acme/quick:1"));
    await Promise.all(tasks.map((t) => executor.launch(t)));
    const times = fx.api.requests.filter((r) => r.verb === "create" && r.resource === "pods").map((r) => r.at);
    expect(times).toHaveLength(6);
    // 2 at once, then one every 50 ms: the last starts ≥ 200 ms after the first.
    expect(times[5]! - times[0]!).toBeGreaterThanOrEqual(180);
    for (const task of tasks) await recorder.waitForExit(task.key);
  });

  it("keeps failed pods when asked, labelled so a restarted executor does not report them again", async () => {
    fx.api.state.scriptImage("acme/fail:1", { exitCode: 2 });
    const first = fx.newExecutor({ keepFailedPods: true });
    const task = fx.request("acme/fail:1");
    await first.executor.launch(task);
    expect(await first.recorder.waitForExit(task.key)).toEqual({ kind: "failed", exitCode: 2, reason: "exit code 2" });
    await expect.poll(() => fx.pod(task)?.metadata.labels?.["updraft.dev/outcome-reported"]).toBe("true");
    expect(phaseOf(fx.pod(task))).toBe("Failed");
    await first.executor.shutdown();

    const second = fx.newExecutor({ keepFailedPods: true });
    await second.executor.adopt();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(second.recorder.events).toEqual([]);
    expect(fx.pod(task)).toBeDefined();
  });

  it("watches only its own pods when given an owner id", async () => {
    fx.api.state.scriptImage("acme/forever:1", { runForever: true });
    const a = fx.newExecutor({ ownerId: "replica-a" });
    const b = fx.newExecutor({ ownerId: "replica-b" });
    const task = fx.request("acme/forever:1");
    await a.executor.launch(task);
    expect(fx.pod(task)?.metadata.labels?.["updraft.dev/scheduler"]).toBe("replica-a");
    await expect.poll(() => phaseOf(fx.pod(task))).toBe("Running");
    await b.executor.adopt();
    expect(b.executor.runningKeys()).toEqual([]);
    expect(b.recorder.events).toEqual([]);
    await a.executor.kill(task.key, "test over");
  });
});
