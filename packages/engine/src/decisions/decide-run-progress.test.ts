import type { TriggerRule } from "@updraft/dag";
import type { TaskState } from "@updraft/db";
import { describe, expect, it } from "vitest";
import { decideRunProgress } from "./decide-run-progress";

const task = (task_id: string, depends_on: string[] = [], trigger_rule: TriggerRule = "all_success", priority_weight = 1) => ({
  task_id,
  depends_on,
  trigger_rule,
  priority_weight,
});
const states = (entries: Record<string, TaskState>) => new Map(Object.entries(entries));

describe("decideRunProgress", () => {
  const fanOut = [task("a"), task("b", ["a"]), task("c", ["a"])];

  it("queues only the roots of a fresh run", () => {
    const p = decideRunProgress({ tasks: fanOut, states: states({ a: "NONE", b: "NONE", c: "NONE" }), freeSlots: 10 });
    expect(p.changes).toEqual([{ taskId: "a", state: "QUEUED", message: null }]);
    expect(p.finalState).toBeNull();
  });

  it("queues both downstream tasks when their upstream succeeded", () => {
    const p = decideRunProgress({ tasks: fanOut, states: states({ a: "SUCCESS", b: "NONE", c: "NONE" }), freeSlots: 10 });
    expect(p.changes.map((c) => [c.taskId, c.state])).toEqual([
      ["b", "QUEUED"],
      ["c", "QUEUED"],
    ]);
  });

  it("marks downstream upstream_failed transitively and fails the run", () => {
    const chain = [task("a"), task("b", ["a"]), task("c", ["b"])];
    const p = decideRunProgress({ tasks: chain, states: states({ a: "FAILED", b: "NONE", c: "NONE" }), freeSlots: 10 });
    expect(p.changes.map((c) => [c.taskId, c.state])).toEqual([
      ["b", "UPSTREAM_FAILED"],
      ["c", "UPSTREAM_FAILED"],
    ]);
    expect(p.changes[0]?.message).toBe("upstream task a did not succeed");
    expect(p.finalState).toBe("FAILED");
  });

  it("succeeds a run whose failed task is followed by an all_done leaf that succeeded", () => {
    const tasks = [task("a"), task("cleanup", ["a"], "all_done")];
    const p = decideRunProgress({ tasks, states: states({ a: "FAILED", cleanup: "SUCCESS" }), freeSlots: 10 });
    expect(p.finalState).toBe("SUCCESS");
  });

  it("respects free slots, highest priority_weight first", () => {
    const tasks = [task("low", [], "all_success", 1), task("high", [], "all_success", 10), task("mid", [], "all_success", 5)];
    const p = decideRunProgress({ tasks, states: states({ low: "NONE", high: "NONE", mid: "NONE" }), freeSlots: 2 });
    expect(p.changes.map((c) => c.taskId)).toEqual(["high", "mid"]);
    expect(p.waitingForSlots).toEqual(["low"]);
  });

  it("declares success once every task finished successfully", () => {
    const p = decideRunProgress({ tasks: fanOut, states: states({ a: "SUCCESS", b: "SUCCESS", c: "SUCCESS" }), freeSlots: 0 });
    expect(p.changes).toEqual([]);
    expect(p.finalState).toBe("SUCCESS");
  });
});
