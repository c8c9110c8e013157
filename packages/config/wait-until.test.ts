import { afterEach, describe, expect, it, vi } from "vitest";
import { waitUntil } from "./wait-until.js";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("waitUntil", () => {
  it("returns the probe's first value other than undefined/false, polling through those", async () => {
    const answers: Array<number | undefined | false> = [undefined, false, undefined, 0, 7];
    const probe = vi.fn(async () => answers.shift());
    await expect(waitUntil(probe, () => "a number", { pollMs: 1 })).resolves.toBe(0);
    expect(probe).toHaveBeenCalledTimes(4);
  });

  it("rejects with what a probe throws, so a probe can give up early", async () => {
    let calls = 0;
    const probe = () => {
      calls += 1;
      if (calls === 3) throw new Error("the process exited");
      return undefined;
    };
    await expect(waitUntil(probe, () => "the process", { pollMs: 1 })).rejects.toThrow("the process exited");
    expect(calls).toBe(3);
  });

  it("says on stderr every 30 s what it still waits for, and never gives up by itself", async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    let ready = false;
    const waiting = waitUntil(() => ready || undefined, () => "the row", { pollMs: 1000 });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(warn).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(warn.mock.calls).toEqual([["still waiting after 30 s for the row"]]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(warn.mock.calls.at(-1)).toEqual(["still waiting after 60 s for the row"]);
    expect(warn).toHaveBeenCalledTimes(2);
    ready = true;
    await vi.advanceTimersByTimeAsync(1000);
    await expect(waiting).resolves.toBe(true);
  });
});
