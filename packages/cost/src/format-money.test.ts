import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money";

describe("formatMoney", () => {
  it("formats in the tenant's currency, keeping small amounts readable", () => {
    expect(formatMoney(1234.5, "USD")).toBe("$1,234.50");
    expect(formatMoney(0.012345, "EUR")).toBe("€0.01235");
    expect(formatMoney(0, "USD")).toBe("$0.00");
  });
});
