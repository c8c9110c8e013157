import { describe, expect, it } from "vitest";
import { parseBudgetForm, parsePriceSheetForm } from "./cost-form-values";

describe("parseBudgetForm", () => {
  it("reads an amount and a percentage; empty removes the budget", () => {
    expect(parseBudgetForm(" 1,500.50 ", "80")).toEqual({ ok: true, monthlyBudget: 1500.5, warnPercent: 80 });
    expect(parseBudgetForm("", "90")).toEqual({ ok: true, monthlyBudget: null, warnPercent: 90 });
  });
  it("rejects what is not an amount or a whole percentage", () => {
    expect(parseBudgetForm("lots", "80")).toMatchObject({ ok: false, error: expect.stringContaining("Monthly budget") });
    expect(parseBudgetForm("100", "0")).toMatchObject({ ok: false, error: expect.stringContaining("Warning threshold") });
    expect(parseBudgetForm("100", "12.5")).toMatchObject({ ok: false });
  });
  it("leaves amounts at or below 0 to the server", () => {
    expect(parseBudgetForm("-5", "80")).toEqual({ ok: true, monthlyBudget: -5, warnPercent: 80 });
  });
});

describe("parsePriceSheetForm", () => {
  it("reads the three prices and an optional effective moment", () => {
    expect(parsePriceSheetForm({ cpuHour: "0.03", memoryGibHour: "0.004", gpuHour: "0.9", effectiveFrom: "" })).toEqual({
      ok: true,
      cpuHour: 0.03,
      memoryGibHour: 0.004,
      gpuHour: 0.9,
      effectiveFrom: undefined,
    });
    const later = parsePriceSheetForm({ cpuHour: "1", memoryGibHour: "1", gpuHour: "1", effectiveFrom: "2030-01-02T03:04" });
    expect(later.ok && later.effectiveFrom?.getTime()).toBe(new Date("2030-01-02T03:04").getTime());
  });
  it("names the field that is not a number", () => {
    expect(parsePriceSheetForm({ cpuHour: "1", memoryGibHour: "", gpuHour: "1", effectiveFrom: "" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("GiB-hour"),
    });
  });
});
