import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startKubernetesExecutorFixture, type KubernetesExecutorFixture } from "./testing/kubernetes-executor-fixture";

let fx: KubernetesExecutorFixture;

beforeEach(async () => {
  fx = await startKubernetesExecutorFixture();
});
afterEach(async () => {
  expect(fx.api.requests.filter((r) => r.status === 422)).toEqual([]);
  await fx.close();
});

async function run(image: string, overrides: Parameters<KubernetesExecutorFixture["request"]>[1] = {}, options = {}) {
  const { executor, recorder } = fx.newExecutor(options);
  const task = fx.request(image, overrides);
  await executor.launch(task);
  const outcome = await recorder.waitForExit(task.key);
  await new Promise((resolve) => setTimeout(resolve, 30));
  return { task, outcome, recorder, executor };
}

describe("Kubernetes executor: every failure names its cause", () => {
  it("exit code N, with the output before it", async () => {
    fx.api.state.scriptImage("acme/exit:1", { logs: ["Traceback: ValueError"], exitCode: 3 });
    const { task, outcome, recorder } = await run("acme/exit:1");
    expect(outcome).toEqual({ kind: "failed", exitCode: 3, reason: "exit code 3" });
    expect(recorder.output(task.key, "STDOUT")).toBe("Traceback: ValueError\n");
    expect(recorder.output(task.key, "SYSTEM")).toContain("Task failed: exit code 3");
    expect(recorder.exits(task.key)).toHaveLength(1);
    await expect.poll(() => fx.pod(task)).toBeUndefined();
  });

  it("OOMKilled, with the memory limit", async () => {
    fx.api.state.scriptImage("acme/oom:1", { oomKilled: true });
    const { outcome } = await run("acme/oom:1", { resources: { requests: { memory: "256Mi" }, limits: { memory: "512Mi" } } });
    expect(outcome).toEqual({ kind: "failed", exitCode: 137, reason: "OOMKilled (memory limit 512Mi)" });
  });

  it("image pull failures after the grace period, deleting the stuck pod", async () => {
    fx.api.state.scriptImage("acme/typo:1", { imagePullError: 'failed to pull and unpack image "acme/typo:1": not found' });
    const { task, outcome, recorder } = await run("acme/typo:1");
    expect(outcome).toMatchObject({ kind: "failed", exitCode: null });
    expect(outcome.kind === "failed" && outcome.reason).toMatch(
      /^image pull failed: ImagePullBackOff: Back-off pulling image "acme\/typo:1": failed to pull and unpack image .* \(check the image name and tag/,
    );
    expect(recorder.output(task.key, "SYSTEM")).toContain("The container cannot start yet: ErrImagePull");
    await expect.poll(() => fx.pod(task)).toBeUndefined();
  });

  it("eviction, with the kubelet's message", async () => {
    fx.api.state.scriptImage("acme/evicted:1", { evicted: "The node was low on resource: memory. Container task was using 600Mi." });
    const { outcome } = await run("acme/evicted:1");
    expect(outcome).toEqual({
      kind: "failed",
      exitCode: 137,
      reason: "evicted: The node was low on resource: memory. Container task was using 600Mi.",
    });
  });

  it("the execution timeout, enforced by activeDeadlineSeconds", async () => {
    fx.api.state.scriptImage("acme/slow:1", { runForever: true, logs: ["still going"] });
    const { task, outcome, recorder } = await run("acme/slow:1", { executionTimeoutSeconds: 5 });
    expect(outcome).toEqual({ kind: "failed", exitCode: 137, reason: "execution_timeout of 5s exceeded (DeadlineExceeded)" });
    expect(recorder.output(task.key, "STDOUT")).toBe("still going\n");
  });

  it("unschedulable for longer than the configured time: the pod is deleted", async () => {
    fx.api.state.scriptImage("acme/gpu:1", { unschedulable: "0/3 nodes are available: 3 Insufficient nvidia.com/gpu." });
    const { task, outcome, recorder } = await run("acme/gpu:1", {}, { unschedulableTimeoutMs: 120 });
    expect(outcome).toEqual({
      kind: "failed",
      exitCode: null,
      reason: "unschedulable for 120ms: 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.",
    });
    expect(recorder.output(task.key, "SYSTEM")).toContain("Waiting for a node: 0/3 nodes are available");
    await expect.poll(() => fx.pod(task)).toBeUndefined();
  });

  it("more GPUs than the tenant allows per pod: fails before any pod is created, never with fewer GPUs", async () => {
    const { task, outcome, recorder } = await run("acme/gpu:1", { resources: { requests: { gpu: 2 }, limits: {} } });
    expect(outcome).toEqual({
      kind: "failed",
      exitCode: null,
      reason:
        'the task requests 2 GPUs but tenant "acme" allows at most 1 GPU per pod (its GPU quota); ' +
        "lower the task's gpu request or ask a platform admin to raise the tenant's GPU quota",
    });
    expect(recorder.output(task.key, "SYSTEM")).toContain("Task failed: the task requests 2 GPUs");
    expect(fx.api.requests.some((r) => r.verb === "create" && r.resource === "pods")).toBe(false);
  });

  it("a connection the tenant does not have", async () => {
    const { outcome } = await run("acme/ok:1", { connectionIds: ["crm"] });
    expect(outcome.kind === "failed" && outcome.reason).toBe(
      'the container could not be created: CreateContainerConfigError: couldn\'t find key crm in Secret updraft-acme/updraft-connections (connection "crm" is not defined for this tenant)',
    );
  });

  it("an image that runs as root", async () => {
    fx.api.state.scriptImage("acme/root:1", { imageRunsAsRoot: true });
    const { outcome } = await run("acme/root:1");
    expect(outcome.kind === "failed" && outcome.reason).toMatch(/runAsNonRoot and image will run as root.*use an image whose USER is not root/);
  });

  it("a pod deleted by someone else while it runs", async () => {
    fx.api.state.scriptImage("acme/slow:1", { runForever: true });
    const { executor, recorder } = fx.newExecutor();
    const task = fx.request("acme/slow:1");
    await executor.launch(task);
    await expect.poll(() => (fx.pod(task)?.status as { phase?: string } | undefined)?.phase).toBe("Running");
    fx.api.state.remove("pods", "updraft-acme", task.key);
    expect(await recorder.waitForExit(task.key)).toEqual({
      kind: "failed",
      exitCode: null,
      reason: "the pod was deleted before the task finished (deleted outside Updraft, or its node was lost)",
    });
  });
});
