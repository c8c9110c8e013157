import { describe, expect, it } from "vitest";
import { expiryDaysProblem } from "./expiry-days";

describe("expiryDaysProblem", () => {
  it("accepts 1 to 365 whole days", () => {
    expect(expiryDaysProblem("1")).toBeNull();
    expect(expiryDaysProblem(" 365 ")).toBeNull();
  });

  it("says what a valid lifetime is", () => {
    expect(expiryDaysProblem("0")).toBe("A token lasts 1 to 365 days; got 0.");
    expect(expiryDaysProblem("400")).toBe("A token lasts 1 to 365 days; got 400.");
    expect(expiryDaysProblem("1.5")).toMatch(/whole number of days/);
    expect(expiryDaysProblem("")).toMatch(/whole number of days/);
  });
});
