import type { Db } from "@updraft/db";
import { enqueueJob } from "../jobs/enqueue-job";
import { evaluateRunJobKey, jobKeySql } from "../jobs/job-keys";
import { pendingJobSql } from "../jobs/pending-job-sql";
import { decideStalledRuns, type RunActivity, type StalledRun } from "./decide-stalled-runs";

/**
 * Enqueues `evaluate_run` for runs nothing will evaluate again (see
 * decideStalledRuns): a RUNNING run never stays running with nothing running.
 * One statement reads the runs, their tasks and the job queue, so an
 * evaluation that is just committing is never mistaken for a lost one.
 */
export async function reevaluateStalledRuns(db: Db, options: { limit?: number } = {}): Promise<StalledRun[]> {
  const rows = await db.$queryRaw<(RunActivity & { dbNow: Date })[]>`
    SELECT r.id::text AS "runId", r.state::text AS state,
      0 AS "activeTasks",
      false AS "hasPendingEvaluation",
      (SELECT min(ti.next_try_at) FROM task_instances ti WHERE ti.dag_run_id = r.id AND ti.state = 'UP_FOR_RETRY') AS "nextRetryAt",
      EXISTS (SELECT 1 FROM dag_runs o WHERE o.dag_db_id = r.dag_db_id AND o.state = 'RUNNING' AND o.id <> r.id) AS "dagHasRunningRun",
      now() AS "dbNow"
    FROM dag_runs r
    WHERE r.state IN ('RUNNING', 'QUEUED')
      AND NOT EXISTS (SELECT 1 FROM task_instances ti WHERE ti.dag_run_id = r.id AND ti.state IN ('QUEUED', 'RUNNING'))
      AND NOT ${pendingJobSql([jobKeySql.evaluateRun("r.id"), jobKeySql.retryWake("r.id")])}
      AND (r.state = 'RUNNING' OR NOT EXISTS (SELECT 1 FROM dag_runs o WHERE o.dag_db_id = r.dag_db_id AND o.state = 'RUNNING'))
    ORDER BY r.created_at
    LIMIT ${options.limit ?? 500}`;
  const first = rows[0];
  if (!first) return [];
  const stalled = decideStalledRuns(rows, first.dbNow);
  for (const run of stalled) {
    await enqueueJob(db, "evaluate_run", { runId: run.runId }, { jobKey: evaluateRunJobKey(run.runId), runAt: run.evaluateAt });
  }
  return stalled;
}
