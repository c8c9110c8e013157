import { uploadDag } from "./testing/upload-dag";
import { createTenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun, upsertPool } from "@updraft/engine";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduler, type RunningScheduler } from "./start-scheduler";
import { waitForRunToFinish } from "./testing/wait-for-run";
import { TEST_KEYRING } from "./testing/test-keyring";
import { waitUntil } from "@updraft/config/wait-until";

const t = useTestDatabase();
let tenantId: string;
let scheduler: RunningScheduler;

beforeAll(async () => {
  tenantId = (await createTenant(t.db, { slug: "slots", name: "Slots" })).id;
  scheduler = await startScheduler({ keyring: TEST_KEYRING, databaseUrl: t.url, executor: "local", pollIntervalMs: 200, logger: pino({ level: "silent" }) });
});
afterAll(async () => {
  await scheduler?.stop();
});

async function upload(source: string) {
  return (await uploadDag(t.db, tenantId, source)).dagDbId;
}

function tasks(names: string[], fields: (name: string) => string) {
  return names.map((n) => `  - task_id: ${n}\n${fields(n)}`).join("");
}

/** Samples `count()` every few ms until every run finished; returns the largest value seen. */
async function peakWhileRunning(runIds: string[], count: () => Promise<number>): Promise<number> {
  let peak = 0;
  return waitUntil(
    async () => {
      peak = Math.max(peak, await count());
      const unfinished = await t.db.dagRun.count({ where: { id: { in: runIds }, state: { in: ["QUEUED", "RUNNING"] } } });
      return unfinished === 0 ? peak : undefined;
    },
    () => `${runIds.length} runs to finish`,
    { pollMs: 10 },
  );
}

describe("execution slots through the scheduler", () => {
  it("never runs more tasks of a pool at once than it has slots, and runs them all", async () => {
    await upsertPool(t.db, { tenantId, name: "two", slots: 2 });
    const names = ["t1", "t2", "t3", "t4", "t5", "t6"];
    const dagDbId = await upload(`dag_id: pooled\nschedule: null\ntasks:\n${tasks(names, () => `    command: [sleep, "0.3"]\n    pool: two\n`)}`);
    const { id } = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    const peak = await peakWhileRunning([id], () =>
      t.db.taskInstance.count({ where: { tenantId, pool: "two", state: { in: ["QUEUED", "RUNNING"] } } }),
    );
    expect(peak).toBe(2);
    const run = await waitForRunToFinish(t.db, id);
    expect(run.state).toBe("SUCCESS");
    expect(run.taskInstances.every((ti) => ti.state === "SUCCESS")).toBe(true);
    // Six tasks of 0.3 s two at a time take at least three rounds.
    expect(run.endedAt!.getTime() - run.startedAt!.getTime()).toBeGreaterThanOrEqual(900);
  });

  it("launches by priority_weight when a pool has one slot", async () => {
    await upsertPool(t.db, { tenantId, name: "one", slots: 1 });
    const weights: Record<string, number> = { w1: 1, w40: 40, w7: 7, w15: 15, w3: 3 };
    const dagDbId = await upload(
      `dag_id: by_priority\nschedule: null\ntasks:\n${tasks(Object.keys(weights), (n) => `    command: [sleep, "0.05"]\n    pool: one\n    priority_weight: ${weights[n]}\n`)}`,
    );
    const { id } = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    const run = await waitForRunToFinish(t.db, id);
    expect(run.state).toBe("SUCCESS");
    const launchOrder = [...run.taskInstances].sort((a, b) => a.startedAt!.getTime() - b.startedAt!.getTime()).map((ti) => ti.taskId);
    expect(launchOrder).toEqual(["w40", "w15", "w7", "w3", "w1"]);
    const sorted = [...run.taskInstances].sort((a, b) => a.startedAt!.getTime() - b.startedAt!.getTime());
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]!.startedAt!.getTime()).toBeGreaterThanOrEqual(sorted[i - 1]!.endedAt!.getTime());
    }
  });

  it("keeps a DAG within max_active_tasks across two of its runs", async () => {
    const dagDbId = await upload(
      `dag_id: capped\nschedule: null\nmax_active_tasks: 3\ntasks:\n${tasks(["a", "b", "c", "d"], () => `    command: [sleep, "0.3"]\n`)}`,
    );
    const first = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    const second = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    const peak = await peakWhileRunning([first.id, second.id], () =>
      t.db.taskInstance.count({ where: { dagRun: { dagDbId }, state: { in: ["QUEUED", "RUNNING"] } } }),
    );
    expect(peak).toBe(3);
    for (const { id } of [first, second]) expect((await waitForRunToFinish(t.db, id)).state).toBe("SUCCESS");
  });

  it("keeps a DAG within max_active_runs: later runs wait queued and start as others finish, oldest first", async () => {
    const dagDbId = await upload(`dag_id: one_at_a_time\nschedule: null\nmax_active_runs: 1\ntasks:\n${tasks(["only"], () => `    command: [sleep, "0.2"]\n`)}`);
    const runIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      runIds.push((await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null })).id);
      await new Promise((r) => setTimeout(r, 5));
    }
    const peak = await peakWhileRunning(runIds, () => t.db.dagRun.count({ where: { dagDbId, state: "RUNNING" } }));
    expect(peak).toBe(1);
    const runs = await t.db.dagRun.findMany({ where: { id: { in: runIds } }, orderBy: { logicalDate: "asc" } });
    expect(runs.every((r) => r.state === "SUCCESS")).toBe(true);
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i]!.startedAt!.getTime()).toBeGreaterThanOrEqual(runs[i - 1]!.endedAt!.getTime());
    }
  });
});
