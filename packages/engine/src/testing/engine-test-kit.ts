// Helpers for the engine's database tests: they play the scheduler's part
// (launching queued tries, reporting outcomes) by calling the engine's
// services directly, so each step and its timing is under the test's control.
import { randomUUID } from "node:crypto";
import { createTenant, type CreateTenantInput, type Db, type TaskState } from "@updraft/db";
import pg from "pg";
import { storeDagUpload } from "../dags/store-dag-upload";
import { clearJobQueue } from "../jobs/clear-job-queue";
import { listPendingJobs, type PendingJob } from "../jobs/list-pending-jobs";
import { recordTaskOutcome } from "../runs/record-task-outcome";
import { KILL_CHANNEL, type KillRequest } from "../tasks/request-task-kill";
import { startTaskTry, type TaskLaunch } from "../tasks/start-task-try";

export const SCHEDULER = { schedulerId: randomUUID(), hostname: "test-host" };

export async function newTenant(db: Db, slug: string, quota?: CreateTenantInput["quota"]): Promise<string> {
  return (await createTenant(db, { slug, name: slug, quota })).id;
}

export async function uploadDag(db: Db, tenantId: string, source: string): Promise<string> {
  const result = await storeDagUpload(db, { tenantId, fileName: "dag.yaml", source, userId: null });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
  return result.dagDbId;
}

export async function taskStates(db: Db, runId: string): Promise<Record<string, TaskState>> {
  const tis = await db.taskInstance.findMany({ where: { dagRunId: runId }, orderBy: { taskId: "asc" } });
  return Object.fromEntries(tis.map((ti) => [ti.taskId, ti.state]));
}

export async function instance(db: Db, runId: string, taskId: string) {
  return db.taskInstance.findUniqueOrThrow({ where: { dagRunId_taskId: { dagRunId: runId, taskId } } });
}

/** Claims the QUEUED try of one task for SCHEDULER. */
export async function launchTask(db: Db, runId: string, taskId: string, now?: Date): Promise<TaskLaunch> {
  const ti = await instance(db, runId, taskId);
  const launch = await startTaskTry(
    db,
    { taskInstanceId: ti.id, tryNumber: ti.tryNumber, executorKey: `key-${ti.id}-${ti.tryNumber}`, ...SCHEDULER },
    now,
  );
  if (!launch) throw new Error(`task ${taskId} has no queued try to launch (it is ${ti.state})`);
  return launch;
}

/** Claims every QUEUED try of the run (or of the tenant when runId is null) for SCHEDULER, in queue order. */
export async function launchQueued(db: Db, where: { runId?: string; tenantId?: string }, now?: Date): Promise<TaskLaunch[]> {
  const queued = await db.taskInstance.findMany({
    where: { state: "QUEUED", ...(where.runId ? { dagRunId: where.runId } : {}), ...(where.tenantId ? { tenantId: where.tenantId } : {}) },
    orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
  });
  const launches: TaskLaunch[] = [];
  for (const ti of queued) {
    const launch = await startTaskTry(
      db,
      { taskInstanceId: ti.id, tryNumber: ti.tryNumber, executorKey: `key-${ti.id}-${ti.tryNumber}`, ...SCHEDULER },
      now,
    );
    if (launch) launches.push(launch);
  }
  return launches;
}

/** Reports a try's end the way the scheduler's task_event job does. */
export async function finish(
  db: Db,
  launch: Pick<TaskLaunch, "taskInstanceId" | "tryNumber">,
  outcome: { exitCode: number; reason?: string } = { exitCode: 0 },
  now: Date = new Date(),
): Promise<boolean> {
  return recordTaskOutcome(
    db,
    {
      taskInstanceId: launch.taskInstanceId,
      tryNumber: launch.tryNumber,
      outcome: outcome.exitCode === 0 ? "success" : "failed",
      exitCode: outcome.exitCode,
      reason: outcome.exitCode === 0 ? null : (outcome.reason ?? `exit code ${outcome.exitCode}`),
      endedAt: now.getTime(),
    },
    now,
  );
}

export type { PendingJob } from "../jobs/list-pending-jobs";

/** graphile-worker jobs waiting in the queue, oldest first (optionally of one job name). */
export async function pendingJobs(db: Db, name?: string): Promise<PendingJob[]> {
  return listPendingJobs(db, { name });
}

/** Removes every queued job, so a test sees only what its next step enqueues. */
export async function clearJobs(db: Db): Promise<void> {
  await clearJobQueue(db);
}

/** Collects kill requests sent on KILL_CHANNEL (as the schedulers' kill listeners receive them). */
export async function listenForKills(url: string): Promise<{ received: KillRequest[]; stop(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const received: KillRequest[] = [];
  client.on("notification", (n) => {
    if (n.channel === KILL_CHANNEL && n.payload) received.push(JSON.parse(n.payload) as KillRequest);
  });
  await client.query(`LISTEN ${KILL_CHANNEL}`);
  return { received, stop: () => client.end() };
}
