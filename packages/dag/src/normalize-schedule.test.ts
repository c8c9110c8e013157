import { describe, expect, it } from "vitest";
import { normalizeSchedule, scheduleProblem } from "./normalize-schedule";

describe("normalizeSchedule", () => {
  it("maps presets to cron and tidies whitespace", () => {
    expect(normalizeSchedule("@hourly")).toBe("0 * * * *");
    expect(normalizeSchedule("@daily")).toBe("0 0 * * *");
    expect(normalizeSchedule("@weekly")).toBe("0 0 * * 0");
    expect(normalizeSchedule("@monthly")).toBe("0 0 1 * *");
    expect(normalizeSchedule("@yearly")).toBe("0 0 1 1 *");
    expect(normalizeSchedule("  30   2 * *   1-5 ")).toBe("30 2 * * 1-5");
    expect(normalizeSchedule(null)).toBeNull();
  });

  it("explains what is wrong", () => {
    expect(scheduleProblem("@once")).toBe(
      'unknown schedule preset "@once": expected one of @hourly, @daily, @weekly, @monthly, @yearly, a 5-field cron expression, or null',
    );
    expect(scheduleProblem("every day")).toBe(
      'invalid cron expression "every day": expected 5 fields (minute hour day-of-month month day-of-week), got 2',
    );
    expect(scheduleProblem("0 0 31 2 *")).toBe(
      'invalid cron expression "0 0 31 2 *": Invalid explicit day of month definition (fields: minute hour day-of-month month day-of-week)',
    );
    expect(() => normalizeSchedule("0 25 * * *")).toThrow(/got value 25 expected range 0-23/);
  });
});
