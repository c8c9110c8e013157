import type { Db } from "@updraft/db";
import { readDagSpec } from "../dags/read-dag-spec";
import { decideRunProgress } from "../decisions/decide-run-progress";
import { enqueueJob } from "../jobs/enqueue-job";
import { lockDag, lockRun } from "./lock-rows";
import { wakeQueuedRuns } from "./wake-runs";

export interface EvaluateRunResult {
  queued: { taskInstanceId: string; taskId: string; tryNumber: number }[];
  finalState: "SUCCESS" | "FAILED" | null;
}

const NOTHING: EvaluateRunResult = { queued: [], finalState: null };

/**
 * The `evaluate_run` job: starts a queued run when max_active_runs allows,
 * applies trigger rules, queues ready tasks within max_active_tasks (enqueuing
 * their launch), and finalises the run once every task is finished.
 */
export async function evaluateRun(db: Db, runId: string, now: Date = new Date()): Promise<EvaluateRunResult> {
  return db.$transaction(async (tx) => {
    const head = await tx.dagRun.findUnique({ where: { id: runId }, select: { dagDbId: true } });
    if (!head) return NOTHING;
    await lockDag(tx, head.dagDbId);
    await lockRun(tx, runId);
    const run = await tx.dagRun.findUnique({
      where: { id: runId },
      include: { dagVersion: { select: { spec: true } } },
    });
    if (!run || run.state === "SUCCESS" || run.state === "FAILED") return NOTHING;
    const spec = readDagSpec(run.dagVersion.spec);

    if (run.state === "QUEUED") {
      const running = await tx.dagRun.count({ where: { dagDbId: run.dagDbId, state: "RUNNING" } });
      if (running >= spec.max_active_runs) return NOTHING;
      await tx.dagRun.update({ where: { id: run.id }, data: { state: "RUNNING", startedAt: now } });
    }

    const instances = await tx.taskInstance.findMany({
      where: { dagRunId: run.id },
      select: { id: true, taskId: true, state: true, tryNumber: true },
    });
    const activeInDag = await tx.taskInstance.count({
      where: { dagRun: { dagDbId: run.dagDbId }, state: { in: ["QUEUED", "RUNNING"] } },
    });
    const progress = decideRunProgress({
      tasks: spec.tasks,
      states: new Map(instances.map((ti) => [ti.taskId, ti.state])),
      freeSlots: spec.max_active_tasks - activeInDag,
    });

    const byTaskId = new Map(instances.map((ti) => [ti.taskId, ti]));
    const queued: EvaluateRunResult["queued"] = [];
    for (const change of progress.changes) {
      const ti = byTaskId.get(change.taskId);
      if (!ti) continue;
      if (change.state === "QUEUED") {
        const tryNumber = ti.tryNumber + 1;
        await tx.taskInstance.update({
          where: { id: ti.id },
          data: { state: "QUEUED", tryNumber, queuedAt: now, message: null },
        });
        await enqueueJob(tx, "launch_task", { taskInstanceId: ti.id, tryNumber }, { jobKey: `launch_task:${ti.id}:${tryNumber}` });
        queued.push({ taskInstanceId: ti.id, taskId: ti.taskId, tryNumber });
      } else {
        await tx.taskInstance.update({
          where: { id: ti.id },
          data: { state: change.state, endedAt: now, message: change.message },
        });
      }
    }

    if (progress.finalState) {
      await tx.dagRun.update({ where: { id: run.id }, data: { state: progress.finalState, endedAt: now } });
      await wakeQueuedRuns(tx, run.dagDbId, spec.max_active_runs);
    }
    return { queued, finalState: progress.finalState };
  });
}

