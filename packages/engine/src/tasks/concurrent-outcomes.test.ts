import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import { evaluateRun } from "../runs/evaluate-run";
import { triggerDagRun } from "../runs/trigger-dag-run";
import { finish, instance, launchQueued, newTenant, pendingJobs, uploadDag } from "../testing/engine-test-kit";
import { waitUntil } from "@updraft/config/wait-until";

const t = useTestDatabase();
let tenantId: string;
let dagDbId: string;

beforeAll(async () => {
  await ensureJobQueue(t.url);
  tenantId = await newTenant(t.db, "siblings");
  const roots = ["r1", "r2", "r3", "r4", "r5"];
  dagDbId = await uploadDag(
    t.db,
    tenantId,
    `dag_id: fan_in\nschedule: null\ntasks:\n${roots.map((r) => `  - task_id: ${r}\n    command: ["true"]\n`).join("")}  - task_id: join\n    depends_on: [${roots.join(", ")}]\n    command: ["true"]\n`,
  );
});

describe("outcomes of sibling tasks", () => {
  it("queues the downstream task exactly once when its upstream tasks end at the same moment", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run.id);
    const launches = await launchQueued(t.db, { runId: run.id });
    expect(launches).toHaveLength(5);
    await Promise.all(launches.map((l) => finish(t.db, l)));
    const join = await instance(t.db, run.id, "join");
    expect(join).toMatchObject({ state: "QUEUED", tryNumber: 1 });
    expect(await t.db.taskTry.count({ where: { taskInstanceId: join.id } })).toBe(1);
    expect((await pendingJobs(t.db, "launch_task")).filter((j) => j.key?.startsWith(`launch_task:${join.id}:`))).toHaveLength(1);
  });

  it("records an outcome without waiting for a run locked by another transaction, then evaluates the run", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run.id);
    const launches = await launchQueued(t.db, { runId: run.id });
    for (const l of launches.slice(0, 4)) await finish(t.db, l);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => (locked = r));
    const holder = t.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM dag_runs WHERE id = ${run.id}::uuid FOR UPDATE`;
      locked();
      await released;
    });
    await lockTaken;
    const last = finish(t.db, launches[4]!);
    // The outcome is committed while the run is still locked; the evaluation waits for the lock.
    await waitUntil(async () => (await instance(t.db, run.id, "r5")).state === "SUCCESS", () => "r5 to succeed", { pollMs: 20 });
    expect((await instance(t.db, run.id, "join")).state).toBe("NONE");
    release();
    await holder;
    expect(await last).toBe(true);
    expect((await instance(t.db, run.id, "join")).state).toBe("QUEUED");
  });
});
