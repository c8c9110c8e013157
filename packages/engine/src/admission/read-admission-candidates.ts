import type { Tx } from "@updraft/db";
import { loadDagSpec, taskOrderOf } from "../dags/load-dag-spec";
import type { AdmissionCandidate } from "../decisions/plan-admission";

export interface CandidatePage {
  candidates: AdmissionCandidate[];
  /** max_active_tasks of the candidates' DAGs (their current version's). */
  dagMaxActiveTasks: Map<string, number>;
}

export interface CandidateRow {
  id: string;
  taskId: string;
  pool: string;
  priorityWeight: number;
  runId: string;
  /** ms since epoch */
  logicalDate: number;
  dagDbId: string;
  dagVersionId: string;
  currentVersionId: string | null;
  requestCpuMillis: number | null;
  requestMemoryBytes: number | null;
  requestGpus: number;
}

/**
 * SQL columns of a candidate row; the ORDER BY that goes with them puts the
 * best first by priority and run age (admission sorts ties by task order).
 */
export const CANDIDATE_COLUMNS = `ti.id, ti.task_id AS "taskId", ti.pool, ti.priority_weight AS "priorityWeight",
  r.id AS "runId", (extract(epoch FROM r.logical_date) * 1000)::float8 AS "logicalDate", r.dag_db_id AS "dagDbId",
  r.dag_version_id AS "dagVersionId", d.current_version_id AS "currentVersionId",
  ti.request_cpu_millis AS "requestCpuMillis", ti.request_memory_bytes::float8 AS "requestMemoryBytes", ti.request_gpus AS "requestGpus"`;
export const CANDIDATE_ORDER = `ti.priority_weight DESC, r.logical_date, r.id, ti.task_id`;

/**
 * A further page of SCHEDULED task instances of RUNNING runs in the given
 * pools (readAdmissionState reads the first one): a tenant may have thousands
 * waiting for a few slots.
 */
export async function readAdmissionCandidates(
  tx: Tx,
  tenantId: string,
  pools: readonly string[],
  page: { limit: number; offset: number },
): Promise<CandidatePage> {
  const rows = await tx.$queryRawUnsafe<CandidateRow[]>(
    `SELECT ${CANDIDATE_COLUMNS}
       FROM task_instances ti
       JOIN dag_runs r ON r.id = ti.dag_run_id
       JOIN dags d ON d.id = r.dag_db_id
      WHERE ti.tenant_id = $1::uuid AND ti.state = 'SCHEDULED' AND r.state = 'RUNNING'
        AND ti.pool IN (SELECT json_array_elements_text($2::json))
      ORDER BY ${CANDIDATE_ORDER}
      LIMIT $3 OFFSET $4`,
    tenantId,
    JSON.stringify(pools),
    page.limit,
    page.offset,
  );
  return toCandidatePage(tx, rows);
}

/** Adds each candidate's task order and its DAG's max_active_tasks (from cached specs). */
export async function toCandidatePage(tx: Tx, rows: readonly CandidateRow[]): Promise<CandidatePage> {
  const dagMaxActiveTasks = new Map<string, number>();
  const candidates: AdmissionCandidate[] = [];
  for (const row of rows) {
    const spec = await loadDagSpec(tx, row.dagVersionId);
    if (!dagMaxActiveTasks.has(row.dagDbId)) {
      const current = row.currentVersionId ? await loadDagSpec(tx, row.currentVersionId) : spec;
      dagMaxActiveTasks.set(row.dagDbId, current.max_active_tasks);
    }
    candidates.push({
      id: row.id,
      pool: row.pool,
      priorityWeight: row.priorityWeight,
      logicalDate: row.logicalDate,
      runId: row.runId,
      taskOrder: taskOrderOf(spec, row.taskId),
      dagDbId: row.dagDbId,
      request: { cpuMillis: row.requestCpuMillis, memoryBytes: row.requestMemoryBytes, gpus: row.requestGpus },
    });
  }
  return { candidates, dagMaxActiveTasks };
}
