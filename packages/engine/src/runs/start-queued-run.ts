import type { DagSpec } from "@updraft/dag";
import type { Tx } from "@updraft/db";
import { lockDagRunStarts, type LockedRun } from "./lock-rows";
import { wakeQueuedRuns } from "./wake-runs";

/**
 * Moves a QUEUED run to RUNNING when max_active_runs allows: fewer runs of
 * its DAG are RUNNING than the limit, counting the QUEUED runs with an older
 * logical date as ahead of it (the oldest start first). Returns false when
 * it has to keep waiting; a run that finishes wakes the oldest waiting ones.
 */
export async function startQueuedRun(tx: Tx, run: LockedRun, spec: DagSpec, now: Date): Promise<boolean> {
  await lockDagRunStarts(tx, run.dagDbId);
  const [counts] = await tx.$queryRaw<{ running: number; ahead: number }[]>`
    SELECT (count(*) FILTER (WHERE state = 'RUNNING'))::int AS running,
           (count(*) FILTER (WHERE state = 'QUEUED' AND id <> ${run.id}::uuid AND (logical_date, created_at) < (${run.logicalDate}::timestamptz, ${run.createdAt}::timestamptz)))::int AS ahead
      FROM dag_runs WHERE dag_db_id = ${run.dagDbId}::uuid AND state IN ('RUNNING', 'QUEUED')`;
  const running = counts?.running ?? 0;
  const ahead = counts?.ahead ?? 0;
  if (running + ahead >= spec.max_active_runs) {
    // Older runs are owed the free slots: make sure they get evaluated.
    if (running < spec.max_active_runs) await wakeQueuedRuns(tx, run.dagDbId, spec.max_active_runs);
    return false;
  }
  await tx.dagRun.update({ where: { id: run.id }, data: { state: "RUNNING", startedAt: now } });
  return true;
}
