import { describe, expect, it } from "vitest";
import { coalesceByKey } from "./coalesce-by-key";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("coalesceByKey", () => {
  it("runs at once when idle, and shares one follow-up run among requests made meanwhile", async () => {
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const run = coalesceByKey<string>(async (key, arg) => {
      calls++;
      log.push(`start ${key} ${arg}`);
      if (calls === 1) await gate;
      log.push(`end ${key}`);
    });
    expect(run.isBusy("t1")).toBe(false);
    const first = run("t1", "a");
    expect(run.isBusy("t1")).toBe(true);
    await tick();
    const second = run("t1", "b");
    const third = run("t1", "c");
    expect(second).toBe(third);
    await tick();
    expect(log).toEqual(["start t1 a"]);
    release();
    await Promise.all([first, second, third]);
    expect(log).toEqual(["start t1 a", "end t1", "start t1 b", "end t1"]);
    expect(calls).toBe(2);
    expect(run.isBusy("t1")).toBe(false);
  });

  it("keeps keys independent and starts afresh after going idle", async () => {
    const seen: string[] = [];
    const run = coalesceByKey<null>(async (key) => {
      seen.push(key);
      await tick();
    });
    await Promise.all([run("a", null), run("b", null)]);
    await run("a", null);
    expect(seen).toEqual(["a", "b", "a"]);
  });

  it("still runs the follow-up when the current run fails, and reports each run's own failure", async () => {
    let n = 0;
    const run = coalesceByKey<null>(async () => {
      n++;
      await tick();
      if (n === 1) throw new Error("boom");
    });
    const first = run("k", null);
    const second = run("k", null);
    await expect(first).rejects.toThrow("boom");
    await expect(second).resolves.toBeUndefined();
    expect(n).toBe(2);
  });
});
