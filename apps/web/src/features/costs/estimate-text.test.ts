import { describe, expect, it } from "vitest";
import { moneyFormatter } from "./cost-format";
import { estimateText, runCostBars } from "./estimate-text";

const money = moneyFormatter("USD", "en-US");

describe("estimateText", () => {
  it("states the estimate and the tasks that never ran", () => {
    expect(estimateText({ total: 0.42, tasks: [1, 2, 3], unknownTaskIds: [] }, money)).toBe(
      "≈ $0.42 per run from requests and the median duration of recent runs",
    );
    expect(estimateText({ total: 0.42, tasks: [1, 2, 3], unknownTaskIds: ["load", "report"] }, money)).toBe(
      "≈ $0.42 per run from requests and the median duration of recent runs; 2 tasks never ran (load, report), not included",
    );
    expect(estimateText({ total: 0.42, tasks: [1, 2], unknownTaskIds: ["load"] }, money)).toContain("1 task never ran");
  });

  it("says there is no estimate when no task ran", () => {
    expect(estimateText({ total: 0, tasks: [1, 2], unknownTaskIds: ["a", "b"] }, money)).toBe(
      "No estimate yet: none of its 2 tasks have run successfully.",
    );
  });
});

describe("runCostBars", () => {
  it("orders runs oldest first", () => {
    expect(runCostBars([{ runId: "b", cost: 2 }, { runId: "a", cost: 1 }])).toEqual([{ runId: "a", cost: 1 }, { runId: "b", cost: 2 }]);
  });
});
