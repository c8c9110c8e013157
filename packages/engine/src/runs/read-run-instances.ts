import type { TaskState, Tx } from "@updraft/db";
import type { AdmissionCoordinator } from "../admission/admission-coordinator";
import { tryAdmissionLockSql } from "../admission/admission-lock";

/** A run's task instance as the run's evaluation needs it. */
export interface RunInstance {
  id: string;
  taskId: string;
  state: TaskState;
  nextTryAt: Date | null;
}

interface InstanceJson {
  id: string;
  taskId: string;
  state: TaskState;
  nextTryAt: string | null;
}

/** Turns the JSON aggregate of a run's task instances (see RUN_INSTANCES_JSON) into RunInstances. */
export function parseRunInstances(json: InstanceJson[]): RunInstance[] {
  return json.map((ti) => ({ ...ti, nextTryAt: ti.nextTryAt ? new Date(ti.nextTryAt) : null }));
}

/**
 * Reads a run's task instances and, in the same round trip, tries the
 * tenant's admission lock (the caller holds the run's lock).
 */
export async function readRunInstances(
  tx: Tx,
  runId: string,
  tenantId: string,
  admission: AdmissionCoordinator,
): Promise<{ instances: RunInstance[]; admissionLocked: boolean }> {
  const [row] = await tx.$queryRaw<{ locked: boolean; instances: InstanceJson[] }[]>`
    WITH lock AS MATERIALIZED (SELECT ${tryAdmissionLockSql(tenantId, admission)} AS locked)
    SELECT (SELECT locked FROM lock) AS locked,
           COALESCE((SELECT json_agg(json_build_object('id', id, 'taskId', task_id, 'state', state, 'nextTryAt', next_try_at))
                       FROM task_instances WHERE dag_run_id = ${runId}::uuid), '[]'::json) AS instances`;
  return { instances: parseRunInstances(row?.instances ?? []), admissionLocked: row?.locked ?? false };
}
