import { describe, expect, it } from "vitest";
import type { Executor } from "./executor";
import { wrapExecutor } from "./wrap-executor";

function fakeExecutor(extra: Partial<Executor> = {}): Executor & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    name: "fake",
    async launch(req) {
      calls.push(`launch ${req.key}`);
      return { adopted: false };
    },
    async kill(key, reason) {
      calls.push(`kill ${key} ${reason}`);
    },
    runningKeys: () => ["a"],
    async shutdown() {
      calls.push("shutdown");
    },
    ...extra,
  };
}

describe("wrapExecutor", () => {
  it("replaces only the methods given and forwards the rest", async () => {
    const inner = fakeExecutor();
    const wrapped = wrapExecutor(inner, {
      async kill(key, reason) {
        inner.calls.push("wrapper kill");
        await inner.kill(key, reason);
      },
    });
    expect(wrapped.name).toBe("fake");
    await wrapped.launch({ key: "k1" } as Parameters<Executor["launch"]>[0]);
    await wrapped.kill("k1", "asked");
    await wrapped.shutdown();
    expect(wrapped.runningKeys()).toEqual(["a"]);
    expect(inner.calls).toEqual(["launch k1", "wrapper kill", "kill k1 asked", "shutdown"]);
  });

  it("has exactly the optional methods the inner executor has", async () => {
    expect(Object.keys(wrapExecutor(fakeExecutor(), {})).sort()).toEqual(["kill", "launch", "name", "runningKeys", "shutdown"]);

    const inner = fakeExecutor({
      sampleUsage: async () => [{ key: "a", cpuSecondsTotal: 1, memoryBytes: 2 }],
      adopt: async () => undefined,
      detach: async () => ["a"],
      health: () => ({ watch: { ok: false, message: "down" } }),
    });
    const wrapped = wrapExecutor(inner, {});
    await expect(wrapped.sampleUsage?.()).resolves.toEqual([{ key: "a", cpuSecondsTotal: 1, memoryBytes: 2 }]);
    await expect(wrapped.adopt?.()).resolves.toBeUndefined();
    await expect(wrapped.detach?.()).resolves.toEqual(["a"]);
    expect(wrapped.health?.()).toEqual({ watch: { ok: false, message: "down" } });
  });
});
