import { describe, expect, it } from "vitest";
import { runBarHeight, runDurationMs } from "./run-bar-height";

describe("run bars", () => {
  it("scales bar height with duration between the minimum and maximum", () => {
    expect(runBarHeight(null, 1000)).toBe(6);
    expect(runBarHeight(0, 1000)).toBe(6);
    expect(runBarHeight(500, 1000)).toBe(27);
    expect(runBarHeight(1000, 1000)).toBe(48);
    expect(runBarHeight(100, 0)).toBe(6);
  });

  it("measures unfinished runs up to now", () => {
    const startedAt = new Date(10_000);
    expect(runDurationMs({ startedAt, endedAt: null }, 12_500)).toBe(2_500);
    expect(runDurationMs({ startedAt, endedAt: new Date(11_000) }, 99_000)).toBe(1_000);
    expect(runDurationMs({ startedAt: null, endedAt: null }, 99_000)).toBeNull();
  });
});
