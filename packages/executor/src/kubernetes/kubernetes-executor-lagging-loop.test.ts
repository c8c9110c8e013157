import { afterEach, describe, expect, it } from "vitest";
import { startKubernetesExecutorFixture, type KubernetesExecutorFixture } from "./testing/kubernetes-executor-fixture";

let fx: KubernetesExecutorFixture;

afterEach(async () => {
  await fx.close();
});

const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`);
const expectedOutput = (count: number) => lines(count).map((l) => `${l}\n`).join("");

/** Blocks the event loop for `ms`, like a process starved of CPU on a loaded machine. */
function stall(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

describe("Kubernetes executor on a lagging event loop", () => {
  it("delivers a pod's lines in the order its container wrote them when the event loop stalls mid-output", async () => {
    fx = await startKubernetesExecutorFixture();
    const INTERVAL = 41;
    fx.api.state.scriptImage("acme/chatty:1", { logs: lines(8), lineIntervalMs: INTERVAL });
    const { executor, recorder } = fx.newExecutor();
    // Node runs every due timer of one duration before the next duration's: a list of timers twice the
    // line interval with an older head (here a steady trickle of them; on a loaded machine anything)
    // makes a lagging loop run "line 3" before "line 2" when both timers were armed at once.
    const trickle = setInterval(() => setTimeout(() => {}, 2 * INTERVAL), 2);
    await new Promise((resolve) => setTimeout(resolve, 3 * INTERVAL));
    let stalled = false;
    const onLog = recorder.handlers.onLog;
    recorder.handlers.onLog = (req, stream, text) => {
      onLog(req, stream, text);
      if (stream === "STDOUT" && !stalled) {
        stalled = true;
        stall(4 * INTERVAL);
      }
    };
    const task = fx.request("acme/chatty:1");
    let written = "";
    const onExit = recorder.handlers.onExit;
    recorder.handlers.onExit = (req, outcome) => {
      written = fx.api.state.podLog("updraft-acme", task.key); // before the pod (and its log) is deleted
      return onExit(req, outcome);
    };
    try {
      await executor.launch(task);
      expect(await recorder.waitForExit(task.key)).toEqual({ kind: "success", exitCode: 0 });
      expect(stalled).toBe(true);
      // The container writes its lines in order, all before it exits; the executor delivers each once, in that order.
      expect(written, "what the fake container wrote").toBe(expectedOutput(8));
      expect(recorder.output(task.key, "STDOUT")).toBe(expectedOutput(8));
    } finally {
      clearInterval(trickle);
    }
  });
});
