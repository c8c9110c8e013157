import type { Db, TaskState } from "@updraft/db";
import { loadDagSpec } from "../dags/load-dag-spec";
import { planRunMarking } from "../decisions/plan-run-marking";
import { admitScheduledTasks } from "../admission/admit-scheduled-tasks";
import { closeTaskTry } from "../tasks/close-task-try";
import { requestTaskKill } from "../tasks/request-task-kill";
import { UserError } from "../user-error";
import { lockDagRunStarts, lockRunForUpdate } from "./lock-rows";
import { wakeQueuedRuns } from "./wake-runs";
import { SCHEDULING_TRANSACTION } from "../admission/transaction-options";

export interface MarkDagRunInput {
  tenantId: string;
  runDbId: string;
  state: "SUCCESS" | "FAILED";
  /** Who marked it (shown in the task messages), e.g. an e-mail address. */
  actor: string;
}

/**
 * Airflow's "mark success / mark failed" on a run: its unfinished tasks are
 * set as planRunMarking says (running ones are killed; the kill's outcome is
 * recorded on their try), the run ends in the chosen state, the oldest queued
 * runs of the DAG may start, and freed slots go to waiting tasks.
 */
export async function markDagRun(db: Db, input: MarkDagRunInput, now: Date = new Date()): Promise<void> {
  if (input.state !== "SUCCESS" && input.state !== "FAILED") {
    throw new UserError(`A run can be marked SUCCESS or FAILED, not ${JSON.stringify(input.state)}.`);
  }
  const freedSlots = await db.$transaction(async (tx) => {
    const run = await lockRunForUpdate(tx, input.runDbId);
    if (!run || run.tenantId !== input.tenantId) throw new UserError("Run not found in this tenant.");
    const spec = await loadDagSpec(tx, run.dagVersionId);
    await lockDagRunStarts(tx, run.dagDbId);
    const instances = await tx.$queryRaw<{ id: string; state: TaskState; tryNumber: number }[]>`
      SELECT id, state::text AS state, try_number AS "tryNumber" FROM task_instances
       WHERE dag_run_id = ${run.id}::uuid ORDER BY id FOR UPDATE`;
    const marked = planRunMarking(instances, input.state, input.actor);
    if (marked.length > 0) {
      await tx.$executeRaw`
        UPDATE task_instances ti
           SET state = v.state::"TaskState", message = v.message, ended_at = ${now}::timestamptz,
               next_try_at = NULL, updated_at = ${now}::timestamptz
          FROM json_to_recordset(${JSON.stringify(marked)}::json) AS v(id uuid, state text, message text)
         WHERE ti.id = v.id`;
    }
    const tryOf = new Map(instances.map((ti) => [ti.id, ti.tryNumber]));
    for (const m of marked) {
      const tryNumber = tryOf.get(m.id) ?? 0;
      if (m.kill) await requestTaskKill(tx, { taskInstanceId: m.id, tryNumber, reason: m.message });
      if (m.closeQueuedTry) {
        await closeTaskTry(tx, {
          taskInstanceId: m.id,
          tryNumber,
          state: m.state === "SUCCESS" ? "SUCCESS" : "FAILED",
          endedAt: now,
          exitCode: null,
          message: m.message,
        });
      }
    }
    await tx.dagRun.update({ where: { id: run.id }, data: { state: input.state, endedAt: now } });
    await wakeQueuedRuns(tx, run.dagDbId, spec.max_active_runs);
    return marked.some((m) => m.kill || m.closeQueuedTry);
  }, SCHEDULING_TRANSACTION);
  if (freedSlots) await admitScheduledTasks(db, { tenantId: input.tenantId }, now);
}
