import { describe, expect, it } from "vitest";
import { durationToSeconds } from "./parse-duration";

describe("durationToSeconds", () => {
  it.each([
    ["30s", 30],
    ["5m", 300],
    ["1h", 3_600],
    ["1h30m", 5_400],
    ["2d", 172_800],
    ["1d2h3m4s", 93_784],
    ["90", 90],
    [" 10m ", 600],
    [45, 45],
  ] as const)("%j -> %i seconds", (input, seconds) => {
    expect(durationToSeconds(input)).toBe(seconds);
  });

  it.each(["", "5 minutes", "1.5h", "30m1h", "-5m", "0s", "1w", "m"])("rejects %j", (input) => {
    expect(() => durationToSeconds(input)).toThrow(/expected a duration like 30s, 5m, 1h, 1h30m or 2d/);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects the number %d", (input) => {
    expect(() => durationToSeconds(input)).toThrow(/greater than 0/);
  });
});
