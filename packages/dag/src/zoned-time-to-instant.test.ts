import { describe, expect, it } from "vitest";
import { parseDateText } from "./parse-date-text";
import { zonedTimeToInstant } from "./zoned-time-to-instant";

const instant = (text: string, zone: string) => zonedTimeToInstant(parseDateText(text)!, zone).toISOString();

describe("zonedTimeToInstant", () => {
  it("reads wall-clock time in the zone, winter and summer", () => {
    expect(instant("2025-01-15T09:00", "Europe/Amsterdam")).toBe("2025-01-15T08:00:00.000Z");
    expect(instant("2025-07-15T09:00", "Europe/Amsterdam")).toBe("2025-07-15T07:00:00.000Z");
    expect(instant("2025-07-15", "America/New_York")).toBe("2025-07-15T04:00:00.000Z");
    expect(instant("2025-07-15T09:00:00.5", "UTC")).toBe("2025-07-15T09:00:00.500Z");
  });

  it("moves a time inside the spring-forward gap forward", () => {
    expect(instant("2025-03-30T02:30", "Europe/Amsterdam")).toBe("2025-03-30T01:30:00.000Z");
  });

  it("uses an explicit offset as given", () => {
    expect(instant("2025-01-01T00:00:00+05:30", "Europe/Amsterdam")).toBe("2024-12-31T18:30:00.000Z");
  });

  it("rejects impossible dates", () => {
    expect(parseDateText("2025-02-29")).toBeNull();
    expect(parseDateText("2024-02-29")).not.toBeNull();
    expect(parseDateText("2025-01-01T24:00")).toBeNull();
    expect(parseDateText("01/02/2025")).toBeNull();
  });
});
