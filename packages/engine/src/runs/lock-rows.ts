import type { Tx } from "@updraft/db";

/**
 * Row locks that serialise scheduler decisions across replicas. Always lock
 * the DAG before any of its runs so two transactions never wait on each other
 * in opposite order.
 */
export async function lockDag(tx: Tx, dagDbId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM dags WHERE id = ${dagDbId}::uuid FOR UPDATE`;
}

export async function lockRun(tx: Tx, runId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM dag_runs WHERE id = ${runId}::uuid FOR UPDATE`;
}
