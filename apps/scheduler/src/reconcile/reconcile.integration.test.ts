import { uploadDag } from "../testing/upload-dag";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTenant, type TaskState } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { registerSchedulerInstance, requestTaskKill, triggerDagRun } from "@updraft/engine";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduler, type RunningScheduler } from "../start-scheduler";
import { LOST_TRY_REASON } from "./sweep-orphans";
import { executorKey } from "@updraft/executor";
import { waitForRunToFinish } from "../testing/wait-for-run";
import { TEST_KEYRING } from "../testing/test-keyring";
import { waitUntil } from "@updraft/config/wait-until";
import { waitForJobPasses } from "../testing/wait-for-job-passes";

const t = useTestDatabase();
let tenantId: string;
let scheduler: RunningScheduler;
let dir: string;

const ZOMBIE_AFTER_MS = 1500;

beforeAll(async () => {
  tenantId = (await createTenant(t.db, { slug: "acme", name: "Acme" })).id;
  dir = await mkdtemp(join(tmpdir(), "updraft-reconcile-"));
  scheduler = await startScheduler({
    keyring: TEST_KEYRING,
    databaseUrl: t.url,
    executor: "local",
    pollIntervalMs: 200,
    heartbeatIntervalMs: 100,
    reconcileIntervalMs: 250,
    zombieAfterMs: ZOMBIE_AFTER_MS,
    logger: pino({ level: "silent" }),
  });
});
afterAll(async () => {
  await scheduler?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function upload(source: string) {
  const { dagDbId, versionId } = await uploadDag(t.db, tenantId, source);
  return { dagDbId, versionId };
}

interface SeededTask {
  state: TaskState;
  tryNumber?: number;
  schedulerId?: string;
  /** How long ago it was queued (and started, when RUNNING). */
  agoMs?: number;
}

/**
 * A RUNNING run in exactly the given task states, written behind the
 * scheduler's back: no job is enqueued, as if a job or a scheduler had been
 * lost at the worst moment.
 */
async function runLeftAs(dag: { dagDbId: string; versionId: string }, tasks: Record<string, SeededTask>) {
  const now = new Date();
  const run = await t.db.dagRun.create({
    data: {
      tenantId,
      dagDbId: dag.dagDbId,
      dagVersionId: dag.versionId,
      runId: `manual__${randomUUID()}`,
      runType: "MANUAL",
      state: "RUNNING",
      logicalDate: now,
      dataIntervalStart: now,
      dataIntervalEnd: now,
      startedAt: now,
    },
  });
  for (const [taskId, seed] of Object.entries(tasks)) {
    const at = new Date(Date.now() - (seed.agoMs ?? 0));
    const tryNumber = seed.tryNumber ?? (seed.state === "NONE" ? 0 : 1);
    const active = seed.state === "QUEUED" || seed.state === "RUNNING";
    const ti = await t.db.taskInstance.create({
      data: {
        tenantId,
        dagRunId: run.id,
        taskId,
        state: seed.state,
        tryNumber,
        maxTries: 2,
        queuedAt: tryNumber > 0 ? at : null,
        startedAt: seed.state === "RUNNING" || seed.state === "SUCCESS" ? at : null,
        endedAt: seed.state === "SUCCESS" ? at : null,
        schedulerId: seed.schedulerId ?? null,
      },
    });
    if (tryNumber > 0) {
      await t.db.taskTry.create({
        data: {
          taskInstanceId: ti.id,
          tryNumber,
          state: seed.state,
          queuedAt: at,
          startedAt: seed.state === "RUNNING" || seed.state === "SUCCESS" ? at : null,
          endedAt: active ? null : at,
          schedulerId: seed.schedulerId ?? null,
          hostname: seed.schedulerId ? "ghost-host" : null,
        },
      });
    }
  }
  return run;
}

async function taskOf(runId: string, taskId: string) {
  return t.db.taskInstance.findFirstOrThrow({ where: { dagRunId: runId, taskId }, include: { tries: { orderBy: { tryNumber: "asc" } } } });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits for `check` to return a value as long as it takes (waitUntil, which names `what` while it waits). */
async function until<T>(what: string, check: () => Promise<T | null | undefined | false>): Promise<T> {
  return waitUntil(async () => (await check()) || undefined, () => what, { pollMs: 50 });
}

describe("reconcile", () => {
  it("fails and retries a try whose scheduler stopped heartbeating, never while that scheduler is alive", async () => {
    const dag = await upload(`
dag_id: zombie
schedule: null
tasks:
  - task_id: a
    command: ["true"]
    retries: 1
    retry_delay: 1
  - task_id: b
    depends_on: [a]
    command: ["true"]
`);
    const controlDag = await upload(`
dag_id: zombie_control
schedule: null
tasks:
  - task_id: a
    command: ["true"]
    retries: 1
    retry_delay: 1
`);
    const ghost = randomUUID();
    await registerSchedulerInstance(t.db, { schedulerId: ghost, hostname: "ghost-host", pid: 999_999, executor: "local" });
    // The ghost replica is alive: it heartbeats (Prisma queries run only once awaited or then-ed).
    const beat = setInterval(() => {
      t.db.schedulerInstance.update({ where: { id: ghost }, data: { heartbeatAt: new Date() } }).then(
        () => undefined,
        () => undefined,
      );
    }, 100);
    let run;
    try {
      run = await runLeftAs(dag, { a: { state: "RUNNING", schedulerId: ghost, agoMs: 600_000 }, b: { state: "NONE" } });
      // A control: a replica that registered at the same moment and never heartbeats again. Once reconcile has
      // failed its try, the zombie threshold has passed for both; a further full pass would then have failed the
      // live one's try too, were it wrong. The owner is alive, so its try is left alone.
      const dead = randomUUID();
      await registerSchedulerInstance(t.db, { schedulerId: dead, hostname: "dead-host", pid: 999_998, executor: "local" });
      const control = await runLeftAs(controlDag, { a: { state: "RUNNING", schedulerId: dead, agoMs: 600_000 } });
      await until("the dead replica's try to be failed as a zombie", async () => (await taskOf(control.id, "a")).tries[0]?.state === "FAILED");
      await waitForJobPasses(scheduler, "reconcile", 2);
      const whileAlive = await taskOf(run.id, "a");
      expect(whileAlive.state).toBe("RUNNING");
      expect(whileAlive.tryNumber).toBe(1);
    } finally {
      clearInterval(beat);
    }

    const finished = await waitForRunToFinish(t.db, run.id);

    expect(finished.state).toBe("SUCCESS");
    const a = await taskOf(run.id, "a");
    expect(a.state).toBe("SUCCESS");
    expect(a.tryNumber).toBe(2);
    expect(a.tries.map((x) => [x.tryNumber, x.state])).toEqual([
      [1, "FAILED"],
      [2, "SUCCESS"],
    ]);
    expect(a.tries[0]!.message).toBe("the scheduler running it (ghost-host pid 999999) stopped responding");
    expect(a.tries[1]!.schedulerId).toBe(scheduler.schedulerId);
    expect((await taskOf(run.id, "b")).state).toBe("SUCCESS");
  });

  it("fails and retries a try that runs under this scheduler's id but that its executor lost in a restart", async () => {
    const dag = await upload(`
dag_id: lost
schedule: null
tasks:
  - task_id: a
    command: ["true"]
    retries: 1
    retry_delay: 1
`);
    // As if this replica ran the try before a restart with the same UPDRAFT_SCHEDULER_ID, and its process died with it.
    const run = await runLeftAs(dag, { a: { state: "RUNNING", schedulerId: scheduler.schedulerId, agoMs: 60_000 } });
    const ti = await taskOf(run.id, "a");
    await t.db.taskInstance.update({ where: { id: ti.id }, data: { executorKey: executorKey(ti.id, 1) } });

    const finished = await waitForRunToFinish(t.db, run.id);

    expect(finished.state).toBe("SUCCESS");
    const a = await taskOf(run.id, "a");
    expect(a.tries.map((x) => [x.tryNumber, x.state])).toEqual([
      [1, "FAILED"],
      [2, "SUCCESS"],
    ]);
    expect(a.tries[0]!.message).toBe(LOST_TRY_REASON);
  });

  it("launches a queued try whose launch job was lost", async () => {
    const dag = await upload(`
dag_id: stuck
schedule: null
tasks:
  - task_id: only
    command: ["true"]
`);
    const run = await runLeftAs(dag, { only: { state: "QUEUED", agoMs: 120_000 } });

    const finished = await waitForRunToFinish(t.db, run.id);

    expect(finished.state).toBe("SUCCESS");
    const only = await taskOf(run.id, "only");
    expect(only.tryNumber).toBe(1);
    expect(only.tries.map((x) => x.state)).toEqual(["SUCCESS"]);
  });

  it("finalises a run left RUNNING with every task finished, and moves one whose evaluation was lost", async () => {
    const dag = await upload(`
dag_id: stalled
schedule: null
tasks:
  - task_id: a
    command: ["true"]
  - task_id: b
    depends_on: [a]
    command: ["true"]
`);
    const allDone = await runLeftAs(dag, { a: { state: "SUCCESS" }, b: { state: "SUCCESS" } });
    const halfway = await runLeftAs(dag, { a: { state: "SUCCESS" }, b: { state: "NONE" } });

    expect((await waitForRunToFinish(t.db, allDone.id)).state).toBe("SUCCESS");
    expect((await waitForRunToFinish(t.db, halfway.id)).state).toBe("SUCCESS");
    expect((await taskOf(halfway.id, "b")).state).toBe("SUCCESS");
  });

  it("kills a process whose try is no longer running under this scheduler (a lost kill message)", async () => {
    const pidFile = join(dir, "orphan.pid");
    const dag = await upload(`
dag_id: orphan
schedule: null
tasks:
  - task_id: sleeper
    command: [sh, -c, "echo $$ > ${pidFile}; exec sleep 60"]
`);
    const { id } = await triggerDagRun(t.db, { tenantId, dagDbId: dag.dagDbId, triggeredById: null });
    const pid = await until("the task to write its pid", async () => Number((await readFile(pidFile, "utf8").catch(() => "")).trim()) || null);
    expect(isAlive(pid)).toBe(true);

    // Marked failed behind the scheduler's back: no kill request is sent.
    const ti = await taskOf(id, "sleeper");
    await t.db.taskInstance.update({ where: { id: ti.id }, data: { state: "FAILED", message: "marked failed directly" } });

    await until("the orphaned process to be killed", async () => !isAlive(pid));
    const after = await taskOf(id, "sleeper");
    expect(after.state).toBe("FAILED");
    expect(after.message).toBe("marked failed directly");
  });

  it("kills a running task when asked on the kill channel, also after its listening connection was cut", async () => {
    // Cut the kill listener's connection; it must reconnect and LISTEN again.
    const listeners = () =>
      t.db.$queryRaw<{ pid: number }[]>`
        SELECT pid FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'updraft-scheduler-kills' AND query ILIKE 'LISTEN%'`;
    const [before] = await until("the kill listener to connect", async () => ((await listeners()).length > 0 ? await listeners() : null));
    await t.db.$queryRaw`SELECT pg_terminate_backend(${before!.pid}::int)`;
    await until("the kill listener to reconnect", async () => (await listeners()).some((l) => l.pid !== before!.pid));

    const pidFile = join(dir, "killed.pid");
    const dag = await upload(`
dag_id: killed
schedule: null
tasks:
  - task_id: sleeper
    command: [sh, -c, "echo $$ > ${pidFile}; exec sleep 60"]
`);
    const { id } = await triggerDagRun(t.db, { tenantId, dagDbId: dag.dagDbId, triggeredById: null });
    const pid = await until("the task to write its pid", async () => Number((await readFile(pidFile, "utf8").catch(() => "")).trim()) || null);
    const ti = await taskOf(id, "sleeper");

    await requestTaskKill(t.db, { taskInstanceId: ti.id, tryNumber: ti.tryNumber, reason: "the run was marked failed by ada@acme.dev" });

    await until("the process to be killed", async () => !isAlive(pid));
    const run = await waitForRunToFinish(t.db, id);
    expect(run.state).toBe("FAILED");
    const after = await taskOf(id, "sleeper");
    expect(after.state).toBe("FAILED");
    expect(after.message).toBe("the run was marked failed by ada@acme.dev");
  });
});
