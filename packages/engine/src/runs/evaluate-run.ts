import type { Db } from "@updraft/db";
import { loadDagSpec } from "../dags/load-dag-spec";
import { admitWithLockHeld } from "../admission/admit-scheduled-tasks";
import type { QueuedTask } from "../admission/queue-admitted-tasks";
import type { AdmissionCoordinator } from "../admission/admission-coordinator";
import { directAdmission } from "../admission/create-admission-coordinator";
import { advanceRun } from "./advance-run";
import { lockRunForUpdate } from "./lock-rows";
import { readRunInstances } from "./read-run-instances";
import { startQueuedRun } from "./start-queued-run";
import { SCHEDULING_TRANSACTION } from "../admission/transaction-options";

export interface EvaluateRunResult {
  /** Tasks this evaluation's admission queued (they may belong to other runs of the tenant). */
  queued: QueuedTask[];
  finalState: "SUCCESS" | "FAILED" | null;
}

const NOTHING: EvaluateRunResult = { queued: [], finalState: null };

/**
 * The `evaluate_run` job: starts a queued run when max_active_runs allows,
 * moves ready tasks to SCHEDULED (trigger rules, due retries), finalises the
 * run once every task is finished, then admits the tenant's SCHEDULED tasks
 * into free slots, all in one transaction. When another transaction is
 * admitting for the tenant, admission follows right after the commit instead,
 * through `admission` (the scheduler process's coordinator).
 */
export async function evaluateRun(
  db: Db,
  runId: string,
  now: Date = new Date(),
  admission: AdmissionCoordinator = directAdmission(db),
): Promise<EvaluateRunResult> {
  const outcome = await db.$transaction(async (tx) => {
    const run = await lockRunForUpdate(tx, runId);
    if (!run || run.state === "SUCCESS" || run.state === "FAILED") return { result: NOTHING, admitLater: null };
    const spec = await loadDagSpec(tx, run.dagVersionId);
    if (run.state === "QUEUED" && !(await startQueuedRun(tx, run, spec, now))) return { result: NOTHING, admitLater: null };
    const { instances, admissionLocked } = await readRunInstances(tx, run.id, run.tenantId, admission);
    const advance = await advanceRun(tx, run, spec, instances, now);
    const result = { queued: [] as QueuedTask[], finalState: advance.finalState };
    if (!advance.hasScheduled) return { result, admitLater: null };
    if (!admissionLocked) return { result, admitLater: run.tenantId };
    result.queued = (await admitWithLockHeld(tx, run.tenantId, now)).queued;
    return { result, admitLater: null };
  }, SCHEDULING_TRANSACTION);
  if (outcome.admitLater) await admission.request(outcome.admitLater);
  return outcome.result;
}
