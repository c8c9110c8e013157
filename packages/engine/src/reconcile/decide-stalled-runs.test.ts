import { describe, expect, it } from "vitest";
import { decideStalledRuns, type RunActivity } from "./decide-stalled-runs";

const now = new Date("2025-06-01T12:00:00Z");

function run(overrides: Partial<RunActivity>): RunActivity {
  return { runId: "r", state: "RUNNING", activeTasks: 0, hasPendingEvaluation: false, nextRetryAt: null, dagHasRunningRun: false, ...overrides };
}

describe("decideStalledRuns", () => {
  it("re-evaluates a running run with nothing running and no evaluation pending", () => {
    expect(decideStalledRuns([run({ runId: "stalled" })], now)).toEqual([{ runId: "stalled", evaluateAt: now }]);
  });

  it("leaves runs alone that a task or a pending evaluation will move", () => {
    expect(decideStalledRuns([run({ activeTasks: 2 }), run({ hasPendingEvaluation: true })], now)).toEqual([]);
  });

  it("evaluates a run waiting for a retry when the retry is due, not before", () => {
    const later = new Date(now.getTime() + 30_000);
    expect(decideStalledRuns([run({ nextRetryAt: later })], now)).toEqual([{ runId: "r", evaluateAt: later }]);
    const overdue = new Date(now.getTime() - 30_000);
    expect(decideStalledRuns([run({ nextRetryAt: overdue })], now)).toEqual([{ runId: "r", evaluateAt: now }]);
  });

  it("wakes a queued run only when its DAG runs nothing", () => {
    expect(decideStalledRuns([run({ state: "QUEUED", dagHasRunningRun: true })], now)).toEqual([]);
    expect(decideStalledRuns([run({ state: "QUEUED" })], now)).toHaveLength(1);
  });
});
