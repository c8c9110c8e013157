import type { DagSpec } from "@updraft/dag";
import type { TaskState, Tx } from "@updraft/db";
import { decideRunProgress, type TaskChange } from "../decisions/decide-run-progress";
import { enqueueJob } from "../jobs/enqueue-job";
import { retryWakeJobKey } from "../jobs/job-keys";
import { lockDagRunStarts, type LockedRun } from "./lock-rows";
import type { RunInstance } from "./read-run-instances";
import { wakeQueuedRuns } from "./wake-runs";

export interface RunAdvance {
  finalState: "SUCCESS" | "FAILED" | null;
  /** Whether admission has work: tasks of this run wait for a slot. */
  hasScheduled: boolean;
}

/**
 * Applies a RUNNING run's next step inside the caller's transaction (which
 * holds the run's lock), given its task instances as they are now: ready
 * tasks become SCHEDULED (due retries too), skips and upstream failures
 * propagate, a retry still waiting gets its wake-up job, and a run whose
 * tasks are all finished ends (waking the oldest queued runs of its DAG).
 */
export async function advanceRun(
  tx: Tx,
  run: LockedRun,
  spec: DagSpec,
  instances: readonly RunInstance[],
  now: Date,
): Promise<RunAdvance> {
  const states = new Map<string, TaskState>();
  const retryDue = new Set<string>();
  let nextRetryAt: Date | null = null;
  for (const ti of instances) {
    states.set(ti.taskId, ti.state);
    if (ti.state !== "UP_FOR_RETRY") continue;
    if (!ti.nextTryAt || ti.nextTryAt.getTime() <= now.getTime()) retryDue.add(ti.taskId);
    else if (!nextRetryAt || ti.nextTryAt < nextRetryAt) nextRetryAt = ti.nextTryAt;
  }

  const progress = decideRunProgress({ tasks: spec.tasks, states, retryDue });
  if (progress.finalState) await lockDagRunStarts(tx, run.dagDbId);

  const idOf = new Map(instances.map((ti) => [ti.taskId, ti.id]));
  await applyTaskChanges(tx, progress.changes, idOf, now);
  if (nextRetryAt && !progress.finalState) {
    await enqueueJob(tx, "evaluate_run", { runId: run.id }, { jobKey: retryWakeJobKey(run.id), runAt: nextRetryAt });
  }
  if (progress.finalState) {
    await tx.dagRun.update({ where: { id: run.id }, data: { state: progress.finalState, endedAt: now } });
    await wakeQueuedRuns(tx, run.dagDbId, spec.max_active_runs);
  }
  const hasScheduled =
    progress.changes.some((c) => c.state === "SCHEDULED") || instances.some((ti) => ti.state === "SCHEDULED");
  return { finalState: progress.finalState, hasScheduled };
}

/** One statement for all of a run's task changes. */
async function applyTaskChanges(tx: Tx, changes: readonly TaskChange[], idOf: ReadonlyMap<string, string>, now: Date): Promise<void> {
  const rows = changes.flatMap((c) => {
    const id = idOf.get(c.taskId);
    return id ? [{ id, state: c.state, message: c.message }] : [];
  });
  if (rows.length === 0) return;
  await tx.$executeRaw`
    UPDATE task_instances ti
       SET state = v.state::"TaskState", message = v.message, updated_at = ${now}::timestamptz,
           ended_at = CASE WHEN v.state = 'SCHEDULED' THEN ti.ended_at ELSE ${now}::timestamptz END
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v(id uuid, state text, message text)
     WHERE ti.id = v.id`;
}
