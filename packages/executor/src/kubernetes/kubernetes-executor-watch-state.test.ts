import { afterEach, describe, expect, it } from "vitest";
import { startKubernetesExecutorFixture, type KubernetesExecutorFixture } from "./testing/kubernetes-executor-fixture";

let fx: KubernetesExecutorFixture;

afterEach(async () => {
  await fx?.close();
});

describe("the Kubernetes executor's pod watch state", () => {
  it("is connected once the first list is taken, and reports each restart after the watch drops or a list fails", async () => {
    fx = await startKubernetesExecutorFixture();
    const restarts: string[] = [];
    const { executor } = fx.newExecutor({ onWatchRestart: (why) => restarts.push(why) });
    expect(executor.watchState().connected).toBe(false);
    await executor.adopt();
    expect(executor.watchState()).toEqual({ connected: true });
    expect(restarts).toEqual([]);

    // The watch drops and the next two lists fail (each after the client's own retries): three restarts, then connected again.
    fx.api.faults.failNext(10, { status: 503, match: { verb: "list", resource: "pods" } });
    // (The watch request follows the list; drop it once it is open.)
    await expect.poll(() => fx.api.faults.dropStreams({ abrupt: true })).toBeGreaterThanOrEqual(1);
    await expect.poll(() => restarts.length).toBeGreaterThanOrEqual(2);
    expect(restarts[0]).toMatch(/^watch closed/);
    expect(restarts.slice(1).some((why) => why.startsWith("could not list pods"))).toBe(true);
    await expect.poll(() => executor.watchState().connected).toBe(true);

    await executor.shutdown();
    expect(executor.watchState()).toEqual({ connected: false, problem: "stopped" });
  });
});
