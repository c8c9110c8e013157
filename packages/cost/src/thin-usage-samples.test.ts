import { describe, expect, it } from "vitest";
import { thinUsageSamples } from "./thin-usage-samples";

const t0 = new Date("2025-03-10T10:00:00Z");
const s = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("thinUsageSamples", () => {
  it("takes cpu from the cumulative counter (local) and time-weights memory", () => {
    const u = thinUsageSamples(
      [
        { sampledAt: s(0), cpuSecondsTotal: 1, cpuCores: null, memoryBytes: 100 },
        { sampledAt: s(15), cpuSecondsTotal: 10, cpuCores: null, memoryBytes: 300 },
        { sampledAt: s(45), cpuSecondsTotal: 25, cpuCores: null, memoryBytes: 200 },
      ],
      { startedAt: s(0), endedAt: s(60) },
    );
    expect(u.cpuSeconds).toBe(25);
    // 100 × 15 + 300 × 30 + 200 × 15 over 60 s
    expect(u.memoryAvgBytes).toBe(Math.round((100 * 15 + 300 * 30 + 200 * 15) / 60));
    expect(u.memoryPeakBytes).toBe(300);
    expect(u.samples).toBe(3);
  });

  it("integrates current cores (Kubernetes) over the run", () => {
    const u = thinUsageSamples(
      [
        { sampledAt: s(40), cpuSecondsTotal: null, cpuCores: 1, memoryBytes: 10 },
        { sampledAt: s(10), cpuSecondsTotal: null, cpuCores: 0.5, memoryBytes: 10 },
      ],
      { startedAt: s(0), endedAt: s(70) },
    );
    // 0.5 cores for 30 s, 1 core for 30 s: mean 0.75 × 70 s
    expect(u.cpuSeconds).toBeCloseTo(0.75 * 70, 9);
    expect(u.memoryAvgBytes).toBe(10);
  });

  it("gives zeros without samples and a plain mean for samples at one instant", () => {
    expect(thinUsageSamples([], { startedAt: s(0), endedAt: s(10) })).toEqual({
      cpuSeconds: 0,
      memoryAvgBytes: 0,
      memoryPeakBytes: 0,
      samples: 0,
    });
    const u = thinUsageSamples(
      [
        { sampledAt: s(10), cpuSecondsTotal: null, cpuCores: 2, memoryBytes: 100 },
        { sampledAt: s(10), cpuSecondsTotal: null, cpuCores: 4, memoryBytes: 300 },
      ],
      { startedAt: s(0), endedAt: s(10) },
    );
    expect(u.memoryAvgBytes).toBe(200);
    expect(u.cpuSeconds).toBe(30);
  });
});
