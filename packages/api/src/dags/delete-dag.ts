import { TRPCError } from "@trpc/server";
import type { Db } from "@updraft/db";
import { findDagOrThrow } from "./find-dag";

export interface DeletedDag {
  dagId: string;
  versions: number;
  runs: number;
}

/**
 * Deletes the tenant's DAG with all its versions, runs, task instances and
 * logs. Refused while a run is queued or running (its tasks would be cut
 * off): mark it failed or let it finish first. Uploading the file again
 * creates the DAG anew.
 */
export async function deleteDag(db: Db, input: { tenantId: string; dagId: string }): Promise<DeletedDag> {
  return db.$transaction(async (tx) => {
    const dag = await findDagOrThrow(tx, input.tenantId, input.dagId);
    await tx.$queryRaw`SELECT id FROM dags WHERE id = ${dag.id}::uuid FOR UPDATE`;
    const active = await tx.dagRun.count({ where: { dagDbId: dag.id, state: { in: ["QUEUED", "RUNNING"] } } });
    if (active > 0) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `DAG "${dag.dagId}" has ${active} queued or running ${active === 1 ? "run" : "runs"}; mark ${active === 1 ? "it" : "them"} failed or wait until ${active === 1 ? "it finishes" : "they finish"}, then delete the DAG. Nothing was deleted.`,
      });
    }
    const versions = await tx.dagVersion.count({ where: { dagDbId: dag.id } });
    // Runs first: they reference versions (restrict), and take their task instances and logs along.
    const { count: runs } = await tx.dagRun.deleteMany({ where: { dagDbId: dag.id } });
    await tx.dag.delete({ where: { id: dag.id } });
    return { dagId: dag.dagId, versions, runs };
  });
}
