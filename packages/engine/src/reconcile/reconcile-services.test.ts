import { randomUUID } from "node:crypto";
import { createTenant, type TaskState } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { storeDagUpload } from "../dags/store-dag-upload";
import { enqueueJob } from "../jobs/enqueue-job";
import { listPendingJobs } from "../jobs/list-pending-jobs";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import { failZombieTries } from "./fail-zombie-tries";
import { findOrphanKeys } from "./find-orphan-keys";
import { reevaluateStalledRuns } from "./reevaluate-stalled-runs";
import { refreshJobLocks, releaseDeadWorkerJobs } from "../jobs/release-dead-worker-jobs";
import { relaunchStuckTries } from "./relaunch-stuck-tries";
import { heartbeatSchedulerInstance, markSchedulerStopped, registerSchedulerInstance } from "./scheduler-instances";

const t = useTestDatabase();
let tenantId: string;
let dagDbId: string;
let versionId: string;

beforeAll(async () => {
  await ensureJobQueue(t.url);
  tenantId = (await createTenant(t.db, { slug: "acme", name: "Acme" })).id;
  const stored = await storeDagUpload(t.db, {
    tenantId,
    fileName: "two.yaml",
    source: "dag_id: two\nschedule: null\ntasks:\n  - task_id: a\n    command: [\"true\"]\n  - task_id: b\n    depends_on: [a]\n    command: [\"true\"]\n",
    userId: null,
  });
  if (!stored.ok) throw new Error("upload failed");
  dagDbId = stored.dagDbId;
  versionId = (await t.db.dag.findUniqueOrThrow({ where: { id: dagDbId } })).currentVersionId!;
});

/** A run in the given states, created behind the scheduler's back (no jobs). */
async function runWith(states: { a: TaskState; b: TaskState }, extra: { schedulerId?: string; ago?: number } = {}) {
  const at = new Date(Date.now() - (extra.ago ?? 0));
  const run = await t.db.dagRun.create({
    data: {
      tenantId, dagDbId, dagVersionId: versionId, runId: `r-${randomUUID()}`, runType: "MANUAL", state: "RUNNING",
      logicalDate: at, dataIntervalStart: at, dataIntervalEnd: at, startedAt: at,
    },
  });
  const ti = async (taskId: string, state: TaskState) =>
    t.db.taskInstance.create({
      data: {
        tenantId, dagRunId: run.id, taskId, state, tryNumber: state === "NONE" ? 0 : 1, maxTries: 2,
        queuedAt: at, startedAt: state === "RUNNING" ? at : null, schedulerId: state === "RUNNING" ? (extra.schedulerId ?? null) : null,
      },
    });
  return { run, a: await ti("a", states.a), b: await ti("b", states.b) };
}

async function jobsWithKey(key: string) {
  return listPendingJobs(t.db, { key });
}

async function scheduler(heartbeatAgoMs: number) {
  const id = randomUUID();
  await registerSchedulerInstance(t.db, { schedulerId: id, hostname: "sched-host", pid: 4321, executor: "local" });
  await t.db.$executeRaw`UPDATE scheduler_instances SET heartbeat_at = now() - ${heartbeatAgoMs}::int * interval '1 millisecond' WHERE id = ${id}::uuid`;
  return id;
}

describe("scheduler instances", () => {
  it("registers, heartbeats and stops a replica", async () => {
    const id = randomUUID();
    await registerSchedulerInstance(t.db, { schedulerId: id, hostname: "h", pid: 1, executor: "noop" });
    expect(await heartbeatSchedulerInstance(t.db, id)).toBe(true);
    await markSchedulerStopped(t.db, id);
    const row = await t.db.schedulerInstance.findUniqueOrThrow({ where: { id } });
    expect(row.stoppedAt).not.toBeNull();
    expect(await heartbeatSchedulerInstance(t.db, id)).toBe(false);
  });
});

describe("failZombieTries", () => {
  it("fails through a task_event the try of a replica that stopped heartbeating, and only that one", async () => {
    const dead = await scheduler(120_000);
    const alive = await scheduler(1000);
    const zombie = await runWith({ a: "RUNNING", b: "NONE" }, { schedulerId: dead, ago: 300_000 });
    const healthy = await runWith({ a: "RUNNING", b: "NONE" }, { schedulerId: alive, ago: 300_000 });

    const failed = await failZombieTries(t.db, { zombieAfterMs: 60_000 });

    expect(failed.map((z) => z.taskInstanceId)).toContain(zombie.a.id);
    expect(failed.map((z) => z.taskInstanceId)).not.toContain(healthy.a.id);
    const [job] = await jobsWithKey(`task_event:${zombie.a.id}:1`);
    expect(job?.payload).toMatchObject({
      outcome: "failed",
      exitCode: null,
      reason: "the scheduler running it (sched-host pid 4321) stopped responding",
    });
    expect(await jobsWithKey(`task_event:${healthy.a.id}:1`)).toEqual([]);
  });

  it("leaves a try alone whose real outcome is already waiting to be recorded", async () => {
    const dead = await scheduler(120_000);
    const run = await runWith({ a: "RUNNING", b: "NONE" }, { schedulerId: dead, ago: 300_000 });
    const outcome = { taskInstanceId: run.a.id, tryNumber: 1, outcome: "success" as const, exitCode: 0, reason: null, endedAt: Date.now() };
    await enqueueJob(t.db, "task_event", outcome, { jobKey: `task_event:${run.a.id}:1`, runAt: new Date(Date.now() + 3_600_000) });

    const failed = await failZombieTries(t.db, { zombieAfterMs: 60_000 });

    expect(failed.map((z) => z.taskInstanceId)).not.toContain(run.a.id);
    expect((await jobsWithKey(`task_event:${run.a.id}:1`))[0]?.payload).toMatchObject({ outcome: "success" });
  });
});

describe("relaunchStuckTries", () => {
  it("re-enqueues the launch of a queued try whose launch job is gone, not of one still waiting", async () => {
    const lost = await runWith({ a: "QUEUED", b: "NONE" }, { ago: 120_000 });
    const waiting = await runWith({ a: "QUEUED", b: "NONE" }, { ago: 120_000 });
    await enqueueJob(t.db, "launch_task", { taskInstanceId: waiting.a.id, tryNumber: 1 }, {
      jobKey: `launch_task:${waiting.a.id}:1`,
      runAt: new Date(Date.now() + 3_600_000),
    });

    const relaunched = await relaunchStuckTries(t.db, { stuckAfterMs: 60_000 });

    expect(relaunched.map((r) => r.taskInstanceId)).toEqual([lost.a.id]);
    expect((await jobsWithKey(`launch_task:${lost.a.id}:1`))[0]?.payload).toEqual({ taskInstanceId: lost.a.id, tryNumber: 1 });
  });
});

describe("reevaluateStalledRuns", () => {
  it("enqueues evaluate_run for a running run nothing moves", async () => {
    const stalled = await runWith({ a: "SUCCESS", b: "SUCCESS" });
    const moving = await runWith({ a: "SUCCESS", b: "RUNNING" });

    const reevaluated = await reevaluateStalledRuns(t.db);

    expect(reevaluated.map((r) => r.runId)).toContain(stalled.run.id);
    expect(reevaluated.map((r) => r.runId)).not.toContain(moving.run.id);
    expect(await jobsWithKey(`evaluate_run:${stalled.run.id}`)).toHaveLength(1);
    // Its evaluation is pending now: the next pass leaves it alone.
    expect((await reevaluateStalledRuns(t.db)).map((r) => r.runId)).not.toContain(stalled.run.id);
  });
});

describe("findOrphanKeys", () => {
  it("names the executor keys whose try is no longer running under this replica", async () => {
    const me = await scheduler(0);
    const mine = await runWith({ a: "RUNNING", b: "NONE" }, { schedulerId: me });
    const done = await runWith({ a: "SUCCESS", b: "NONE" });
    const orphans = await findOrphanKeys(t.db, me, [
      { key: "k-mine", taskInstanceId: mine.a.id, tryNumber: 1 },
      { key: "k-done", taskInstanceId: done.a.id, tryNumber: 1 },
    ]);
    expect(orphans.map((o) => o.key)).toEqual(["k-done"]);
  });
});

describe("dead worker pools", () => {
  it("unlocks the jobs of a pool that stopped refreshing its locks, never a live pool's", async () => {
    const stale = `launch_task:${randomUUID()}:1`;
    const live = `launch_task:${randomUUID()}:1`;
    for (const key of [stale, live]) {
      await enqueueJob(t.db, "launch_task", { taskInstanceId: randomUUID(), tryNumber: 1 }, { jobKey: key });
    }
    const lockAs = (key: string, pool: string) => t.db.$executeRaw`
      UPDATE graphile_worker._private_jobs SET locked_by = ${pool}, locked_at = now() - interval '10 minutes' WHERE key = ${key}`;
    await lockAs(stale, "pool-dead");
    await lockAs(live, "pool-live");
    await refreshJobLocks(t.db, ["pool-live"]);

    expect(await releaseDeadWorkerJobs(t.db, 60_000)).toEqual(["pool-dead"]);

    const rows = await t.db.$queryRaw<{ key: string; locked_by: string | null }[]>`
      SELECT key, locked_by FROM graphile_worker.jobs WHERE key IN (${stale}, ${live}) ORDER BY key`;
    expect(Object.fromEntries(rows.map((r) => [r.key, r.locked_by]))).toEqual({ [stale]: null, [live]: "pool-live" });
  });
});
