import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LaunchRequest } from "../executor";
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
const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`);
const expectedOutput = (count: number) => lines(count).map((l) => `${l}\n`).join("");
const newlines = (text: string) => text.split("\n").length - 1;

/** Starts a chatty pod with a first executor and shuts that executor down after it delivered a few lines. */
async function startedThenAbandoned(ownerId: string) {
  fx.api.state.scriptImage("acme/chatty:1", { logs: lines(12), lineIntervalMs: 30 });
  const before = fx.newExecutor({ ownerId });
  const task = fx.request("acme/chatty:1", { taskId: "train" });
  await before.executor.launch(task);
  await before.recorder.waitFor(() => (before.recorder.output(task.key, "STDOUT").includes("line 3\n") ? true : undefined));
  await before.executor.shutdown();
  expect(phaseOf(fx.pod(task))).toBe("Running");
  const delivered = before.recorder.output(task.key, "STDOUT");
  return { task, delivered, stored: newlines(delivered) };
}

/** A log store that already holds `stored` lines, recording which launches it was asked about. */
function logStore(stored: number) {
  const asked: LaunchRequest[] = [];
  return {
    asked,
    events: {
      storedLogLines: async (req: LaunchRequest) => {
        asked.push(req);
        return stored;
      },
    },
  };
}

describe("Kubernetes executor: the log of an adopted pod is not stored twice", () => {
  it("a restarted executor skips the lines the stopped one delivered: every line exactly once, also across a dropped stream", async () => {
    const { task, delivered, stored } = await startedThenAbandoned("scheduler-1");
    const store = logStore(stored);

    const after = fx.newExecutor({ ownerId: "scheduler-1" }, store.events);
    await after.executor.adopt();
    expect(after.executor.runningKeys()).toEqual([task.key]);
    await after.recorder.waitFor(() => (after.recorder.output(task.key, "STDOUT") ? true : undefined));
    fx.api.faults.dropStreams({ abrupt: true });
    expect(await after.recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });

    expect(delivered + after.recorder.output(task.key, "STDOUT")).toBe(expectedOutput(12));
    expect(store.asked.map((r) => r.key)).toEqual([task.key]);
    expect(after.recorder.output(task.key, "SYSTEM")).toContain(
      `Skipping the first ${stored} lines of the pod log: they were stored before the restart`,
    );
  });

  it("a launch answered 409 for a pod started by an earlier executor skips the stored lines too", async () => {
    const { task, delivered, stored } = await startedThenAbandoned("scheduler-1");
    const store = logStore(stored);
    // The restarted executor's first list is held back, so the launch meets the pod through 409 AlreadyExists.
    fx.api.faults.failNext(3, { status: 503, match: { verb: "list", resource: "pods" } });

    const after = fx.newExecutor({ ownerId: "scheduler-1" }, store.events);
    expect(await after.executor.launch(task)).toEqual({ adopted: true });
    expect(fx.api.requests.filter((r) => r.verb === "create" && r.resource === "pods").map((r) => r.status)).toEqual([201, 409]);
    expect(await after.recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });

    expect(delivered + after.recorder.output(task.key, "STDOUT")).toBe(expectedOutput(12));
    expect(store.asked.map((r) => r.key)).toEqual([task.key]);
  });

  it("never skips lines of a pod the executor started itself", async () => {
    fx.api.state.scriptImage("acme/chatty:1", { logs: lines(5), lineIntervalMs: 10 });
    const store = logStore(3);
    const { executor, recorder } = fx.newExecutor({}, store.events);
    const task = fx.request("acme/chatty:1");
    expect(await executor.launch(task)).toEqual({ adopted: false });
    expect(await recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });
    expect(recorder.output(task.key, "STDOUT")).toBe(expectedOutput(5));
    expect(store.asked).toEqual([]);
  });

  it("delivers the whole log when the stored lines cannot be counted", async () => {
    const { task } = await startedThenAbandoned("scheduler-1");
    const after = fx.newExecutor(
      { ownerId: "scheduler-1" },
      {
        storedLogLines: () => Promise.reject(new Error("database unavailable")),
      },
    );
    expect(await after.recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });
    expect(after.recorder.output(task.key, "STDOUT")).toBe(expectedOutput(12));
  });

  it("delivers the whole log without storedLogLines (as before)", async () => {
    const { task } = await startedThenAbandoned("scheduler-1");
    const after = fx.newExecutor({ ownerId: "scheduler-1" });
    expect(await after.recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });
    expect(after.recorder.output(task.key, "STDOUT")).toBe(expectedOutput(12));
    expect(after.recorder.output(task.key, "SYSTEM")).not.toContain("Skipping");
  });
});
