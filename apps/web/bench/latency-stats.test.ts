import { describe, expect, it } from "vitest";
import { LatencyRecorder, percentile, summarize } from "./latency-stats";

describe("latency percentiles", () => {
  it("takes the nearest-rank percentile", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 90)).toBe(90);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it("summarizes unsorted samples and leaves an empty set without numbers", () => {
    expect(summarize([30, 10, 20, 40])).toEqual({ count: 4, p50: 20, p90: 40, p99: 40, max: 40, mean: 25 });
    expect(summarize([]).count).toBe(0);
    expect(summarize([]).p99).toBeNaN();
  });

  it("merges the endpoints into the overall distribution, so one slow endpoint shows in the overall p99", () => {
    const recorder = new LatencyRecorder(["fast", "slow"] as const);
    for (let i = 0; i < 98; i++) recorder.record("fast", 5, 200);
    recorder.record("slow", 80, 200);
    recorder.record("slow", 90, 500);
    expect(summarize(recorder.of("fast")).p99).toBe(5);
    const overall = summarize(recorder.all());
    expect(overall.count).toBe(100);
    expect(overall.p99).toBe(80);
    expect(overall.max).toBe(90);
  });

  it("counts non-2xx answers per endpoint", () => {
    const recorder = new LatencyRecorder(["a"] as const);
    recorder.record("a", 1, 200);
    recorder.record("a", 1, 204);
    recorder.record("a", 1, 401);
    recorder.record("a", 1, 500);
    expect(recorder.non2xx("a")).toBe(2);
    expect(recorder.statusCounts("a")).toEqual({ "200": 1, "204": 1, "401": 1, "500": 1 });
  });
});
