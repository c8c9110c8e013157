import type { TriggerRule } from "@updraft/dag";
import type { TaskState } from "@updraft/db";
import { describe, expect, it } from "vitest";
import { decideRunProgress } from "./decide-run-progress";

const task = (task_id: string, depends_on: string[] = [], trigger_rule: TriggerRule = "all_success") => ({
  task_id,
  depends_on,
  trigger_rule,
});
const states = (entries: Record<string, TaskState>) => new Map(Object.entries(entries));

describe("decideRunProgress", () => {
  const fanOut = [task("a"), task("b", ["a"]), task("c", ["a"])];

  it("schedules only the roots of a fresh run", () => {
    const p = decideRunProgress({ tasks: fanOut, states: states({ a: "NONE", b: "NONE", c: "NONE" }) });
    expect(p.changes).toEqual([{ taskId: "a", state: "SCHEDULED", message: null }]);
    expect(p.finalState).toBeNull();
  });

  it("schedules both downstream tasks when their upstream succeeded", () => {
    const p = decideRunProgress({ tasks: fanOut, states: states({ a: "SUCCESS", b: "NONE", c: "NONE" }) });
    expect(p.changes.map((c) => [c.taskId, c.state])).toEqual([
      ["b", "SCHEDULED"],
      ["c", "SCHEDULED"],
    ]);
  });

  it("leaves scheduled, queued and running tasks alone", () => {
    const p = decideRunProgress({ tasks: fanOut, states: states({ a: "SUCCESS", b: "SCHEDULED", c: "RUNNING" }) });
    expect(p.changes).toEqual([]);
    expect(p.finalState).toBeNull();
  });

  it("marks downstream upstream_failed transitively and fails the run", () => {
    const chain = [task("a"), task("b", ["a"]), task("c", ["b"])];
    const p = decideRunProgress({ tasks: chain, states: states({ a: "FAILED", b: "NONE", c: "NONE" }) });
    expect(p.changes.map((c) => [c.taskId, c.state])).toEqual([
      ["b", "UPSTREAM_FAILED"],
      ["c", "UPSTREAM_FAILED"],
    ]);
    expect(p.changes[0]?.message).toBe("upstream task a did not succeed");
    expect(p.finalState).toBe("FAILED");
  });

  it("propagates skips down an all_success chain and lets all_done run", () => {
    const tasks = [task("a"), task("b", ["a"]), task("c", ["b"]), task("d", ["c"], "all_done")];
    const p = decideRunProgress({ tasks, states: states({ a: "SKIPPED", b: "NONE", c: "NONE", d: "NONE" }) });
    expect(p.changes.map((c) => [c.taskId, c.state])).toEqual([
      ["b", "SKIPPED"],
      ["c", "SKIPPED"],
      ["d", "SCHEDULED"],
    ]);
  });

  it("keeps the run going while a task waits for its retry", () => {
    const chain = [task("a"), task("b", ["a"])];
    const p = decideRunProgress({ tasks: chain, states: states({ a: "UP_FOR_RETRY", b: "NONE" }) });
    expect(p.changes).toEqual([]);
    expect(p.finalState).toBeNull();
  });

  it("schedules a task again once its retry is due", () => {
    const chain = [task("a"), task("b", ["a"])];
    const p = decideRunProgress({ tasks: chain, states: states({ a: "UP_FOR_RETRY", b: "NONE" }), retryDue: new Set(["a"]) });
    expect(p.changes).toEqual([{ taskId: "a", state: "SCHEDULED", message: null }]);
  });

  it("holds a due retry back while a cleared upstream task runs again", () => {
    const chain = [task("a"), task("b", ["a"])];
    const p = decideRunProgress({ tasks: chain, states: states({ a: "NONE", b: "UP_FOR_RETRY" }), retryDue: new Set(["b"]) });
    expect(p.changes).toEqual([{ taskId: "a", state: "SCHEDULED", message: null }]);
  });

  it("succeeds a run whose failed task is followed by an all_done leaf that succeeded", () => {
    const tasks = [task("a"), task("cleanup", ["a"], "all_done")];
    const p = decideRunProgress({ tasks, states: states({ a: "FAILED", cleanup: "SUCCESS" }) });
    expect(p.finalState).toBe("SUCCESS");
  });

  it("declares success once every task finished successfully", () => {
    const p = decideRunProgress({ tasks: fanOut, states: states({ a: "SUCCESS", b: "SUCCESS", c: "SUCCESS" }) });
    expect(p.changes).toEqual([]);
    expect(p.finalState).toBe("SUCCESS");
  });
});
