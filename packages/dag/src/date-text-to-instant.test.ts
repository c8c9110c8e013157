import { describe, expect, it } from "vitest";
import { dateTextToInstant } from "./date-text-to-instant";

describe("dateTextToInstant", () => {
  it("reads a calendar date as local midnight of the DAG's time zone", () => {
    expect(dateTextToInstant("2025-01-15", "UTC").toISOString()).toBe("2025-01-15T00:00:00.000Z");
    expect(dateTextToInstant("2025-01-15", "Europe/Amsterdam").toISOString()).toBe("2025-01-14T23:00:00.000Z");
    expect(dateTextToInstant("2025-07-15", "Europe/Amsterdam").toISOString()).toBe("2025-07-14T22:00:00.000Z");
    expect(dateTextToInstant("2025-07-15", "America/New_York").toISOString()).toBe("2025-07-15T04:00:00.000Z");
  });

  it("starts a day whose midnight is skipped by DST at the first instant that exists", () => {
    // Santiago skipped 2024-09-08 00:00 -> 01:00 local.
    expect(dateTextToInstant("2024-09-08", "America/Santiago").toISOString()).toBe("2024-09-08T04:00:00.000Z");
  });

  it("uses an explicit offset as given and reads a bare date-time in the zone", () => {
    expect(dateTextToInstant("2025-01-15T06:00:00+02:00", "America/New_York").toISOString()).toBe("2025-01-15T04:00:00.000Z");
    expect(dateTextToInstant("2025-01-15T06:00:00", "Europe/Amsterdam").toISOString()).toBe("2025-01-15T05:00:00.000Z");
  });

  it("refuses text that is not a date", () => {
    expect(() => dateTextToInstant("15/01/2025", "UTC")).toThrow(/2025-01-31/);
  });
});
