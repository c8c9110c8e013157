import { describe, expect, it } from "vitest";
import { startOfDayInZone } from "./start-of-day-in-zone";

describe("startOfDayInZone", () => {
  it("reads a calendar date as local midnight of the DAG's time zone", () => {
    expect(startOfDayInZone("2025-01-15", "UTC").toISOString()).toBe("2025-01-15T00:00:00.000Z");
    expect(startOfDayInZone("2025-01-15", "Europe/Amsterdam").toISOString()).toBe("2025-01-14T23:00:00.000Z");
    expect(startOfDayInZone("2025-07-15", "Europe/Amsterdam").toISOString()).toBe("2025-07-14T22:00:00.000Z");
    expect(startOfDayInZone("2025-07-15", "America/New_York").toISOString()).toBe("2025-07-15T04:00:00.000Z");
  });

  it("starts a day whose midnight is skipped by DST at the first instant that exists", () => {
    // Santiago skipped 2024-09-08 00:00 -> 01:00 local.
    expect(startOfDayInZone("2024-09-08", "America/Santiago").toISOString()).toBe("2024-09-08T04:00:00.000Z");
  });

  it("refuses text that is not a date", () => {
    expect(() => startOfDayInZone("15/01/2025", "UTC")).toThrow(/2025-01-31/);
  });
});
