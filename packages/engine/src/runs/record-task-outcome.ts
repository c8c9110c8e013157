import type { Db, Tx } from "@updraft/db";
import { loadDagSpec } from "../dags/load-dag-spec";
import { decideTryOutcome, type TryOutcomeDecision } from "../decisions/decide-try-outcome";
import { retrySeed } from "../decisions/retry-delay-seconds";
import { enqueueJob } from "../jobs/enqueue-job";
import { FINALIZE_TRY_USAGE_PRIORITY, finalizeTryUsageJobKey } from "../jobs/job-keys";
import type { JobPayload } from "../jobs/job-payloads";
import { advanceRun } from "./advance-run";
import type { LockedRun } from "./lock-rows";
import { parseRunInstances, type RunInstance } from "./read-run-instances";
import { requestRunEvaluation } from "./request-run-evaluation";
import { tryAdmissionLockSql } from "../admission/admission-lock";
import { admitWithLockHeld } from "../admission/admit-scheduled-tasks";
import type { AdmissionCoordinator } from "../admission/admission-coordinator";
import { directAdmission } from "../admission/create-admission-coordinator";
import { closeTaskTry } from "../tasks/close-task-try";
import { SCHEDULING_TRANSACTION } from "../admission/transaction-options";

type TaskEvent = JobPayload<"task_event">;

interface RunAndInstanceRow extends LockedRun {
  tiId: string;
  taskId: string;
  tiState: string;
  tiTryNumber: number;
  maxTries: number;
  /** Whether this transaction got the run's lock (SKIP LOCKED: never waits). */
  runLocked: boolean;
}

/**
 * The `task_event` job: records how a try ended, on its task_tries row and
 * (when it is still the task instance's current try) on the task instance:
 * SUCCESS, FAILED, or UP_FOR_RETRY with its next try time. Then, in the same
 * transaction, advances the run (downstream tasks become ready at once) and
 * admits waiting tasks into the freed slot. An event for a try the task
 * instance has moved on from (cleared, marked, a repeated event) only closes
 * the try's row. Returns whether the task instance changed.
 *
 * Sibling tasks often end together, and every outcome frees a slot: when
 * another transaction holds the run's lock (or the tenant's admission lock),
 * this one does not queue behind it holding its own locks; it commits and
 * then evaluates the run (or admits) in a fresh transaction, coalesced with
 * the same requests of this process. A crash in between leaves a run that
 * reconcile re-evaluates. Every ended try also gets a `finalize_try_usage`
 * job (its cost), queued in the same transaction. `admission` is the scheduler
 * process's coordinator of those follow-up admissions.
 */
export async function recordTaskOutcome(
  db: Db,
  event: TaskEvent,
  now: Date = new Date(),
  admission: AdmissionCoordinator = directAdmission(db),
): Promise<boolean> {
  const followUp = { evaluateRun: null as string | null, admitTenant: null as string | null };
  const changed = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<RunAndInstanceRow[]>`
      SELECT r.id, r.tenant_id AS "tenantId", r.dag_db_id AS "dagDbId", r.dag_version_id AS "dagVersionId",
             d.dag_id AS "dagId", r.run_id AS "runId", r.state::text AS state, r.logical_date AS "logicalDate",
             r.created_at AS "createdAt", ti.id AS "tiId", ti.task_id AS "taskId", ti.state::text AS "tiState",
             ti.try_number AS "tiTryNumber", ti.max_tries AS "maxTries", (locked.id IS NOT NULL) AS "runLocked"
        FROM task_instances ti
        JOIN dag_runs r ON r.id = ti.dag_run_id
        JOIN dags d ON d.id = r.dag_db_id
        LEFT JOIN LATERAL (SELECT l.id FROM dag_runs l WHERE l.id = ti.dag_run_id FOR UPDATE SKIP LOCKED) locked ON true
       WHERE ti.id = ${event.taskInstanceId}::uuid`;
    if (!row) return false;
    // The try has ended (also when the task instance moved on): its cost is worked out by a separate,
    // lower-priority job, so thinning usage samples never delays the next task. Queued in this
    // transaction, so an outcome is never recorded without it.
    await enqueueJob(tx, "finalize_try_usage", { taskInstanceId: row.tiId, tryNumber: event.tryNumber }, {
      jobKey: finalizeTryUsageJobKey(row.tiId, event.tryNumber),
      priority: FINALIZE_TRY_USAGE_PRIORITY,
    });
    const run: LockedRun = row;
    const endedAt = new Date(event.endedAt);
    const reason = event.outcome === "success" ? null : (event.reason ?? "the task failed");
    const current = row.tiTryNumber === event.tryNumber && (row.tiState === "RUNNING" || row.tiState === "QUEUED");
    if (!current) {
      await closeTaskTry(tx, {
        taskInstanceId: row.tiId,
        tryNumber: event.tryNumber,
        state: event.outcome === "success" ? "SUCCESS" : "FAILED",
        endedAt,
        exitCode: event.exitCode,
        message: reason,
      });
      return false;
    }

    const spec = await loadDagSpec(tx, run.dagVersionId);
    const task = spec.tasks.find((t) => t.task_id === row.taskId);
    const decision = decideTryOutcome({
      outcome: event.outcome,
      reason,
      tryNumber: event.tryNumber,
      maxTries: row.maxTries,
      task: task ?? { retry_delay: 0, retry_exponential_backoff: false, max_retry_delay: null },
      seed: retrySeed(run.dagId, row.taskId, run.logicalDate, event.tryNumber),
      now,
    });
    const applied = await applyOutcome(tx, run, event, decision, endedAt, now, admission);
    if (!applied.updated) return false;

    if (!row.runLocked) followUp.evaluateRun = run.id;
    else if (run.state === "RUNNING") await advanceRun(tx, run, spec, applied.instances, now);
    // The try gave its slot back: another task may take it.
    if (applied.admissionLocked) await admitWithLockHeld(tx, run.tenantId, now);
    else followUp.admitTenant = run.tenantId;
    return true;
  }, SCHEDULING_TRANSACTION);
  if (followUp.evaluateRun) await requestRunEvaluation(db, followUp.evaluateRun, admission);
  if (followUp.admitTenant) await admission.request(followUp.admitTenant);
  return changed;
}

/**
 * One round trip: ends the try on the task instance (unless it moved on
 * meanwhile) and on its task_tries row, tries the tenant's admission lock,
 * and reads the run's task instances (with this one's new state).
 */
async function applyOutcome(
  tx: Tx,
  run: LockedRun,
  event: TaskEvent,
  d: TryOutcomeDecision,
  endedAt: Date,
  now: Date,
  admission: AdmissionCoordinator,
): Promise<{ updated: boolean; admissionLocked: boolean; instances: RunInstance[] }> {
  const [result] = await tx.$queryRaw<{ updated: number; locked: boolean; instances: Parameters<typeof parseRunInstances>[0] }[]>`
    WITH ended AS (
      UPDATE task_instances
         SET state = ${d.taskState}::"TaskState", ended_at = ${endedAt}::timestamptz, exit_code = ${event.exitCode}::int,
             message = ${d.taskMessage}, next_try_at = ${d.nextTryAt}::timestamptz, updated_at = ${now}::timestamptz
       WHERE id = ${event.taskInstanceId}::uuid AND try_number = ${event.tryNumber}::int AND state IN ('RUNNING', 'QUEUED')
      RETURNING id
    ), closed AS (
      INSERT INTO task_tries (id, task_instance_id, try_number, state, queued_at, ended_at, exit_code, message)
      SELECT gen_random_uuid(), ti.id, ${event.tryNumber}::int, ${d.tryState}::"TaskState",
             COALESCE(ti.queued_at, ${endedAt}::timestamptz), ${endedAt}::timestamptz, ${event.exitCode}::int, ${d.tryMessage}
        FROM task_instances ti WHERE ti.id = ${event.taskInstanceId}::uuid
      ON CONFLICT (task_instance_id, try_number) DO UPDATE
         SET state = EXCLUDED.state, ended_at = EXCLUDED.ended_at, exit_code = EXCLUDED.exit_code, message = EXCLUDED.message
       WHERE task_tries.ended_at IS NULL
    ), lock AS MATERIALIZED (SELECT ${tryAdmissionLockSql(run.tenantId, admission)} AS locked)
    SELECT (SELECT count(*) FROM ended)::int AS updated,
           (SELECT locked FROM lock) AS locked,
           COALESCE((SELECT json_agg(json_build_object('id', id, 'taskId', task_id, 'state', state, 'nextTryAt', next_try_at))
                       FROM task_instances WHERE dag_run_id = ${run.id}::uuid), '[]'::json) AS instances`;
  const updated = (result?.updated ?? 0) > 0;
  // The statement's snapshot predates its own update: put the new state in.
  const instances = parseRunInstances(result?.instances ?? []).map((ti) =>
    ti.id === event.taskInstanceId ? { ...ti, state: d.taskState, nextTryAt: d.nextTryAt } : ti,
  );
  return { updated, admissionLocked: result?.locked ?? false, instances };
}
