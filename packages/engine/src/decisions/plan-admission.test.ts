import { describe, expect, it } from "vitest";
import { planAdmission, type AdmissionCandidate, type AdmissionInput } from "./plan-admission";

let seq = 0;
function candidate(over: Partial<AdmissionCandidate> = {}): AdmissionCandidate {
  seq++;
  return { id: `t${seq}`, pool: "default_pool", priorityWeight: 1, logicalDate: 0, runId: "run-a", taskOrder: seq, dagDbId: "dag-1", ...over };
}

function input(over: Partial<AdmissionInput>): AdmissionInput {
  return {
    candidates: [],
    poolSlots: new Map([["default_pool", 128]]),
    poolActive: new Map(),
    dagMaxActiveTasks: new Map([["dag-1", 16]]),
    dagActive: new Map(),
    ...over,
  };
}

describe("planAdmission", () => {
  it("admits everything when slots are plentiful", () => {
    const cs = [candidate({ id: "a" }), candidate({ id: "b" })];
    expect(planAdmission(input({ candidates: cs }))).toMatchObject({ admit: ["a", "b"], waiting: [] });
  });

  it("fills a pool's free slots by priority_weight and says why the rest wait", () => {
    const cs = [
      candidate({ id: "low", pool: "gpu", priorityWeight: 1 }),
      candidate({ id: "high", pool: "gpu", priorityWeight: 10 }),
      candidate({ id: "mid", pool: "gpu", priorityWeight: 5 }),
    ];
    const plan = planAdmission(
      input({ candidates: cs, poolSlots: new Map([["gpu", 2]]), poolActive: new Map([["gpu", 1]]) }),
    );
    expect(plan.admit).toEqual(["high"]);
    expect(plan.waiting).toEqual([
      { id: "mid", message: 'waiting for a slot in pool "gpu" (2/2 used)' },
      { id: "low", message: 'waiting for a slot in pool "gpu" (2/2 used)' },
    ]);
    expect(plan.poolUsed.get("gpu")).toBe(2);
  });

  it("breaks priority ties by the oldest run, then by task order in the file", () => {
    const cs = [
      candidate({ id: "new-run", logicalDate: 2000, runId: "r2", taskOrder: 0 }),
      candidate({ id: "old-run-second", logicalDate: 1000, runId: "r1", taskOrder: 1 }),
      candidate({ id: "old-run-first", logicalDate: 1000, runId: "r1", taskOrder: 0 }),
    ];
    const plan = planAdmission(input({ candidates: cs, poolSlots: new Map([["default_pool", 2]]) }));
    expect(plan.admit).toEqual(["old-run-first", "old-run-second"]);
    expect(plan.waiting.map((w) => w.id)).toEqual(["new-run"]);
  });

  it("never admits a task whose pool does not exist", () => {
    const plan = planAdmission(input({ candidates: [candidate({ id: "x", pool: "gpu" })] }));
    expect(plan.admit).toEqual([]);
    expect(plan.waiting).toEqual([{ id: "x", message: 'waiting for pool "gpu", which does not exist: create it on the Pools page' }]);
  });

  it("keeps each DAG within max_active_tasks across all its runs", () => {
    const cs = [
      candidate({ id: "a1", runId: "r1" }),
      candidate({ id: "a2", runId: "r1" }),
      candidate({ id: "b1", runId: "r2", logicalDate: 5 }),
      candidate({ id: "other", dagDbId: "dag-2" }),
    ];
    const plan = planAdmission(
      input({
        candidates: cs,
        dagMaxActiveTasks: new Map([
          ["dag-1", 3],
          ["dag-2", 1],
        ]),
        dagActive: new Map([["dag-1", 1]]),
      }),
    );
    expect(plan.admit).toEqual(["a1", "a2", "other"]);
    expect(plan.waiting).toEqual([{ id: "b1", message: "waiting: max_active_tasks 3 reached" }]);
  });

  it("lets lower-priority tasks of another pool through when one pool is full", () => {
    const cs = [candidate({ id: "gpu-job", pool: "gpu", priorityWeight: 100 }), candidate({ id: "cpu-job", priorityWeight: 1 })];
    const plan = planAdmission(
      input({
        candidates: cs,
        poolSlots: new Map([
          ["default_pool", 128],
          ["gpu", 0],
        ]),
      }),
    );
    expect(plan.admit).toEqual(["cpu-job"]);
    expect(plan.waiting).toEqual([{ id: "gpu-job", message: 'waiting for a slot in pool "gpu" (0/0 used)' }]);
  });
});
