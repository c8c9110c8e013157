import type { Db, TaskState } from "@updraft/db";
import { loadDagSpec } from "../dags/load-dag-spec";
import { withDownstreamTasks } from "../decisions/downstream-tasks";
import { enqueueJob } from "../jobs/enqueue-job";
import { evaluateRunJobKey } from "../jobs/job-keys";
import { admitScheduledTasks } from "../admission/admit-scheduled-tasks";
import { closeTaskTry } from "../tasks/close-task-try";
import { requestTaskKill } from "../tasks/request-task-kill";
import { UserError } from "../user-error";
import { lockRunForUpdate } from "./lock-rows";
import { SCHEDULING_TRANSACTION } from "../admission/transaction-options";

export interface ClearTaskInstancesInput {
  tenantId: string;
  runDbId: string;
  taskIds: string[];
  /** Also clear every task downstream of them (transitively). */
  includeDownstream: boolean;
  /** Who cleared them (shown on killed tries), e.g. an e-mail address. */
  actor: string;
}

/**
 * Airflow's "clear": the selected task instances (and optionally everything
 * downstream) go back to NONE to run again, with a fresh set of retries
 * (maxTries = tryNumber + retries + 1; earlier tries stay in the history).
 * Running ones are killed first. A finished run goes back to QUEUED, so it
 * re-runs within max_active_runs. Returns the cleared task ids, in file order.
 */
export async function clearTaskInstances(
  db: Db,
  input: ClearTaskInstancesInput,
  now: Date = new Date(),
): Promise<{ cleared: string[] }> {
  if (input.taskIds.length === 0) throw new UserError("Choose at least one task to clear.");
  const result = await db.$transaction(async (tx) => {
    const run = await lockRunForUpdate(tx, input.runDbId);
    if (!run || run.tenantId !== input.tenantId) throw new UserError("Run not found in this tenant.");
    const spec = await loadDagSpec(tx, run.dagVersionId);
    const known = new Set(spec.tasks.map((t) => t.task_id));
    const unknown = [...new Set(input.taskIds)].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new UserError(
        `Unknown task${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => `"${id}"`).join(", ")} in DAG "${run.dagId}": ` +
          `its tasks are ${spec.tasks.map((t) => `"${t.task_id}"`).join(", ")}.`,
      );
    }
    const selected = new Set(input.taskIds);
    const cleared = input.includeDownstream
      ? withDownstreamTasks(spec.tasks, input.taskIds)
      : spec.tasks.map((t) => t.task_id).filter((id) => selected.has(id));

    const instances = await tx.$queryRaw<{ id: string; taskId: string; state: TaskState; tryNumber: number }[]>`
      SELECT id, task_id AS "taskId", state::text AS state, try_number AS "tryNumber" FROM task_instances
       WHERE dag_run_id = ${run.id}::uuid AND task_id IN (SELECT json_array_elements_text(${JSON.stringify(cleared)}::json))
       ORDER BY id FOR UPDATE`;
    const retriesOf = new Map(spec.tasks.map((t) => [t.task_id, t.retries]));
    const reason = `cleared by ${input.actor}`;
    for (const ti of instances) {
      if (ti.state === "RUNNING") await requestTaskKill(tx, { taskInstanceId: ti.id, tryNumber: ti.tryNumber, reason });
      if (ti.state === "QUEUED") {
        await closeTaskTry(tx, {
          taskInstanceId: ti.id,
          tryNumber: ti.tryNumber,
          state: "FAILED",
          endedAt: now,
          exitCode: null,
          message: `${reason} before it started`,
        });
      }
    }
    const resets = instances.map((ti) => ({ id: ti.id, maxTries: ti.tryNumber + (retriesOf.get(ti.taskId) ?? 0) + 1 }));
    await tx.$executeRaw`
      UPDATE task_instances ti
         SET state = 'NONE', max_tries = v."maxTries", message = NULL, next_try_at = NULL, queued_at = NULL,
             started_at = NULL, ended_at = NULL, exit_code = NULL, executor_key = NULL, scheduler_id = NULL,
             updated_at = ${now}::timestamptz
        FROM json_to_recordset(${JSON.stringify(resets)}::json) AS v(id uuid, "maxTries" int)
       WHERE ti.id = v.id`;
    if (run.state === "SUCCESS" || run.state === "FAILED") {
      await tx.dagRun.update({ where: { id: run.id }, data: { state: "QUEUED", startedAt: null, endedAt: null } });
    }
    await enqueueJob(tx, "evaluate_run", { runId: run.id }, { jobKey: evaluateRunJobKey(run.id) });
    return { cleared, freedSlots: instances.some((ti) => ti.state === "RUNNING" || ti.state === "QUEUED") };
  }, SCHEDULING_TRANSACTION);
  if (result.freedSlots) await admitScheduledTasks(db, { tenantId: input.tenantId }, now);
  return { cleared: result.cleared };
}
