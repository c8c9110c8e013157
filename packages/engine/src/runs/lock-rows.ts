import type { DagRunState, Tx } from "@updraft/db";

/*
 * Locks that serialise scheduler decisions across replicas. To stay free of
 * deadlocks every transaction takes them in this order:
 *   run row → the DAG's run-start lock → task instance rows → the tenant's admission lock
 * Only admission (holding the tenant lock) touches SCHEDULED task instances
 * of other runs, and a transaction holding run or task instance locks only
 * ever *tries* the admission lock (see admission-lock.ts), so it never waits
 * for it. startTaskTry claims a task instance with one guarded UPDATE and
 * takes no other lock. The DAG row lock (lockDag) is for the tick and uploads,
 * which touch no runs' task instances.
 */

export async function lockDag(tx: Tx, dagDbId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM dags WHERE id = ${dagDbId}::uuid FOR UPDATE`;
}

/** A run row locked for this transaction, with what the scheduler decides on. */
export interface LockedRun {
  id: string;
  tenantId: string;
  dagDbId: string;
  dagVersionId: string;
  dagId: string;
  runId: string;
  state: DagRunState;
  logicalDate: Date;
  createdAt: Date;
}

const LOCKED_RUN_COLUMNS = `r.id, r.tenant_id AS "tenantId", r.dag_db_id AS "dagDbId", r.dag_version_id AS "dagVersionId",
  d.dag_id AS "dagId", r.run_id AS "runId", r.state::text AS state, r.logical_date AS "logicalDate", r.created_at AS "createdAt"`;

/** Locks a run (FOR UPDATE) and reads it; null when it does not exist. */
export async function lockRunForUpdate(tx: Tx, runDbId: string): Promise<LockedRun | null> {
  const rows = await tx.$queryRawUnsafe<LockedRun[]>(
    `SELECT ${LOCKED_RUN_COLUMNS} FROM dag_runs r JOIN dags d ON d.id = r.dag_db_id WHERE r.id = $1::uuid FOR UPDATE OF r`,
    runDbId,
  );
  return rows[0] ?? null;
}

/**
 * Serialises starting and finishing the runs of one DAG (max_active_runs),
 * without blocking uploads or the tick, which lock the DAG row.
 */
export async function lockDagRunStarts(tx: Tx, dagDbId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`updraft.dag_runs:${dagDbId}`}, 0))`;
}
