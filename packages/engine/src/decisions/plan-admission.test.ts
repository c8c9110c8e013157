import { describe, expect, it } from "vitest";
import { planAdmission, quotaHasRoom, tenantFullMessage, type AdmissionCandidate, type AdmissionInput } from "./plan-admission";
import type { QuotaLimits, QuotaUse } from "./task-request";

const GI = 2 ** 30;
const MI = 2 ** 20;

let seq = 0;
function candidate(over: Partial<AdmissionCandidate> = {}): AdmissionCandidate {
  seq++;
  return {
    id: `t${seq}`,
    pool: "default_pool",
    priorityWeight: 1,
    logicalDate: 0,
    runId: "run-a",
    taskOrder: seq,
    dagDbId: "dag-1",
    request: { cpuMillis: null, memoryBytes: null, gpus: 0 },
    ...over,
  };
}

/** The default quota (32 cpu, 128Gi, 0 GPUs, 200 pods, 128 tasks) with overrides. */
function quota(over: Partial<QuotaLimits> = {}): QuotaLimits {
  return { maxConcurrentTasks: 128, pods: 200, cpuMillis: 32_000, memoryBytes: 128 * GI, gpus: 0, ...over };
}

function used(over: Partial<QuotaUse> = {}): QuotaUse {
  return { tasks: 0, cpuMillis: 0, memoryBytes: 0, gpus: 0, ...over };
}

function input(over: Partial<AdmissionInput>): AdmissionInput {
  return {
    candidates: [],
    poolSlots: new Map([["default_pool", 128]]),
    poolActive: new Map(),
    dagMaxActiveTasks: new Map([["dag-1", 16]]),
    dagActive: new Map(),
    quota: quota(),
    quotaUsed: used(),
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

describe("planAdmission within the tenant's quota", () => {
  it("holds tasks back at max concurrent tasks", () => {
    const cs = [candidate({ id: "a" }), candidate({ id: "b" }), candidate({ id: "c" })];
    const plan = planAdmission(input({ candidates: cs, quota: quota({ maxConcurrentTasks: 32 }), quotaUsed: used({ tasks: 30 }) }));
    expect(plan.admit).toEqual(["a", "b"]);
    expect(plan.waiting).toEqual([{ id: "c", message: "waiting for quota: 32/32 concurrent tasks" }]);
    expect(plan.quotaUsed.tasks).toBe(32);
  });

  it("holds tasks back when the tenant's pods are all taken", () => {
    const plan = planAdmission(input({ candidates: [candidate({ id: "a" })], quota: quota({ pods: 20 }), quotaUsed: used({ tasks: 20 }) }));
    expect(plan.waiting).toEqual([{ id: "a", message: "waiting for quota: pods 20/20" }]);
  });

  it("says how much cpu is in use and how much the task needs", () => {
    const cs = [candidate({ id: "big", request: { cpuMillis: 1000, memoryBytes: null, gpus: 0 } })];
    const plan = planAdmission(input({ candidates: cs, quota: quota({ cpuMillis: 4000 }), quotaUsed: used({ tasks: 3, cpuMillis: 3500 }) }));
    expect(plan.waiting).toEqual([{ id: "big", message: "waiting for quota: cpu 3.5/4 (needs 1)" }]);
  });

  it("says how much memory is in use and how much the task needs", () => {
    const cs = [candidate({ id: "big", request: { cpuMillis: 100, memoryBytes: 8 * GI, gpus: 0 } })];
    const plan = planAdmission(
      input({ candidates: cs, quota: quota({ memoryBytes: 16 * GI }), quotaUsed: used({ tasks: 2, cpuMillis: 500, memoryBytes: 12 * GI }) }),
    );
    expect(plan.waiting).toEqual([{ id: "big", message: "waiting for quota: memory 12Gi/16Gi (needs 8Gi)" }]);
  });

  it("counts a task without a request as 250m cpu and 256Mi memory", () => {
    const cs = [candidate({ id: "a" }), candidate({ id: "b" }), candidate({ id: "c" })];
    const plan = planAdmission(input({ candidates: cs, quota: quota({ cpuMillis: 500 }) }));
    expect(plan.admit).toEqual(["a", "b"]);
    expect(plan.waiting).toEqual([{ id: "c", message: "waiting for quota: cpu 0.5/0.5 (needs 0.25)" }]);
    expect(plan.quotaUsed).toEqual({ tasks: 2, cpuMillis: 500, memoryBytes: 512 * MI, gpus: 0 });
  });

  it("lets a smaller task through when a bigger one of higher priority does not fit", () => {
    const cs = [
      candidate({ id: "big", priorityWeight: 10, request: { cpuMillis: 2000, memoryBytes: GI, gpus: 0 } }),
      candidate({ id: "small", priorityWeight: 1, request: { cpuMillis: 500, memoryBytes: GI, gpus: 0 } }),
    ];
    const plan = planAdmission(input({ candidates: cs, quota: quota({ cpuMillis: 4000 }), quotaUsed: used({ tasks: 2, cpuMillis: 3000 }) }));
    expect(plan.admit).toEqual(["small"]);
    expect(plan.waiting).toEqual([{ id: "big", message: "waiting for quota: cpu 3.5/4 (needs 2)" }]);
  });

  it("clamps a request above the quota to the quota, so the task runs on an idle tenant", () => {
    const cs = [candidate({ id: "huge", request: { cpuMillis: 64_000, memoryBytes: 512 * GI, gpus: 0 } }), candidate({ id: "next" })];
    const plan = planAdmission(input({ candidates: cs, quota: quota({ cpuMillis: 4000, memoryBytes: 16 * GI }) }));
    expect(plan.admit).toEqual(["huge"]);
    expect(plan.waiting).toEqual([{ id: "next", message: "waiting for quota: cpu 4/4 (needs 0.25)" }]);
  });

  it("says when a task needs more GPUs than the quota could ever give", () => {
    const cs = [candidate({ id: "train", request: { cpuMillis: null, memoryBytes: null, gpus: 1 } }), candidate({ id: "etl" })];
    const plan = planAdmission(input({ candidates: cs }));
    expect(plan.admit).toEqual(["etl"]);
    expect(plan.waiting).toEqual([
      {
        id: "train",
        message: "waiting for quota: gpu 0/0 (needs 1): the tenant's quota can never fit this task; ask a platform admin to raise it",
      },
    ]);
  });

  it("waits for GPUs in use without the never-fits advice when the quota has enough", () => {
    const cs = [candidate({ id: "train", request: { cpuMillis: null, memoryBytes: null, gpus: 2 } })];
    const plan = planAdmission(input({ candidates: cs, quota: quota({ gpus: 2 }), quotaUsed: used({ tasks: 1, gpus: 1 }) }));
    expect(plan.waiting).toEqual([{ id: "train", message: "waiting for quota: gpu 1/2 (needs 2)" }]);
  });

  it("checks pools and max_active_tasks before the quota", () => {
    const cs = [candidate({ id: "a", pool: "missing" }), candidate({ id: "b", dagDbId: "dag-2" })];
    const plan = planAdmission(
      input({ candidates: cs, dagMaxActiveTasks: new Map([["dag-2", 0]]), quota: quota({ maxConcurrentTasks: 1 }), quotaUsed: used({ tasks: 1 }) }),
    );
    expect(plan.waiting.map((w) => w.message)).toEqual([
      'waiting for pool "missing", which does not exist: create it on the Pools page',
      "waiting: max_active_tasks 0 reached",
    ]);
  });

  it("tells whether any waiting task could still fit", () => {
    const smallest = { cpuMillis: 250, memoryBytes: 256 * MI, gpus: 0 };
    expect(quotaHasRoom(quota({ cpuMillis: 1000 }), used({ tasks: 3, cpuMillis: 750 }), smallest)).toBe(true);
    expect(quotaHasRoom(quota({ cpuMillis: 1000 }), used({ tasks: 4, cpuMillis: 1000 }), smallest)).toBe(false);
    expect(quotaHasRoom(quota({ cpuMillis: 1000 }), used({ tasks: 4, cpuMillis: 1000 }), { ...smallest, cpuMillis: 0 })).toBe(true);
    expect(quotaHasRoom(quota({ maxConcurrentTasks: 4 }), used({ tasks: 4 }), smallest)).toBe(false);
    expect(tenantFullMessage(quota({ maxConcurrentTasks: 4 }), used({ tasks: 4 }))).toBe("waiting for quota: 4/4 concurrent tasks");
    expect(tenantFullMessage(quota({ pods: 3 }), used({ tasks: 3 }))).toBe("waiting for quota: pods 3/3");
    expect(tenantFullMessage(quota(), used({ tasks: 3 }))).toBeNull();
  });
});
