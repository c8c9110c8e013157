import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-time";

describe("formatDuration", () => {
  const start = new Date("2030-01-01T00:00:00Z");
  const after = (ms: number) => new Date(start.getTime() + ms);

  it("reads like a human would say it", () => {
    expect(formatDuration(start, after(850))).toBe("850ms");
    expect(formatDuration(start, after(3_000))).toBe("3.0s");
    expect(formatDuration(start, after(42_000))).toBe("42s");
    expect(formatDuration(start, after(185_000))).toBe("3m 05s");
    expect(formatDuration(start, after(3_720_000))).toBe("1h 02m");
    expect(formatDuration(null, after(1))).toBe("—");
  });
});
