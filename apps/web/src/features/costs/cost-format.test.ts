import { describe, expect, it } from "vitest";
import { defaultRange, moneyFormatter, rangeProblem, stackByDag, toCsv } from "./cost-format";

describe("cost formatting", () => {
  it("formats money in the tenant's currency", () => {
    expect(moneyFormatter("USD", "en-US").format(1234.5)).toBe("$1,234.50");
    expect(moneyFormatter("EUR", "de-DE").format(3.5)).toBe("3,50\u00a0€");
    expect(moneyFormatter("USD", "en-US").format(0.0012)).toBe("$0.0012");
  });

  it("writes CSV with quoting and defused formulas", () => {
    expect(toCsv(["task", "cost"], [["a,b", 1.5], ["=cmd", null]])).toBe('task,cost\r\n"a,b",1.5\r\n\'=cmd,\r\n');
  });

  it("stacks rows by DAG per period and checks ranges", () => {
    expect(stackByDag([
      { period: "2025-03-02", dagId: "b", cost: 2 },
      { period: "2025-03-01", dagId: "a", cost: 1 },
      { period: "2025-03-02", dagId: "a", cost: 3 },
    ])).toEqual([{ period: "2025-03-01", a: 1 }, { period: "2025-03-02", b: 2, a: 3 }]);
    expect(defaultRange(new Date("2025-03-30T12:00:00Z"))).toEqual({ from: "2025-03-01", to: "2025-03-30" });
    expect(rangeProblem({ from: "2025-03-02", to: "2025-03-01" })).toMatch(/start on or before/);
    expect(rangeProblem({ from: "2025-03-01", to: "2025-03-01" })).toBeNull();
  });
});
