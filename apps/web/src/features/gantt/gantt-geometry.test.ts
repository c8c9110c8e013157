import { describe, expect, it } from "vitest";
import { ganttDomain, tickStep, ticks, trySpans } from "./gantt-geometry";

const t = (ms: number) => new Date(ms);

describe("trySpans", () => {
  it("splits a finished try into its queued and running parts", () => {
    expect(trySpans({ queuedAt: t(1_000), startedAt: t(1_400), endedAt: t(4_000) }, 9_000)).toEqual({
      queued: { start: 1_000, end: 1_400 },
      running: { start: 1_400, end: 4_000 },
    });
  });

  it("lets open parts run until now", () => {
    expect(trySpans({ queuedAt: t(1_000), startedAt: t(2_000), endedAt: null }, 5_000).running).toEqual({ start: 2_000, end: 5_000 });
    expect(trySpans({ queuedAt: t(1_000), startedAt: null, endedAt: null }, 5_000)).toEqual({
      queued: { start: 1_000, end: 5_000 },
      running: null,
    });
  });

  it("draws a try that ended without starting (e.g. marked failed while queued) as queued only", () => {
    expect(trySpans({ queuedAt: t(1_000), startedAt: null, endedAt: t(1_500) }, 5_000)).toEqual({
      queued: { start: 1_000, end: 1_500 },
      running: null,
    });
    expect(trySpans({ queuedAt: null, startedAt: null, endedAt: null }, 5_000)).toEqual({ queued: null, running: null });
  });
});

describe("axis", () => {
  it("covers every span, at least one second wide", () => {
    expect(ganttDomain([{ start: 5_000, end: 6_000 }, { start: 4_000, end: 9_000 }], 0)).toEqual({ start: 4_000, end: 9_000 });
    expect(ganttDomain([{ start: 5_000, end: 5_010 }], 0)).toEqual({ start: 5_000, end: 6_000 });
    expect(ganttDomain([], 7_000)).toEqual({ start: 7_000, end: 8_000 });
  });

  it("picks round tick steps", () => {
    expect(tickStep(3_000)).toBe(500);
    expect(tickStep(12_000)).toBe(2_000);
    expect(tickStep(5 * 60_000)).toBe(60_000);
    expect(ticks({ start: 1_100, end: 4_000 }, 1_000)).toEqual([2_000, 3_000, 4_000]);
  });
});
