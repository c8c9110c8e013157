import { TRPCError } from "@trpc/server";
import type { DbOrTx } from "@updraft/db";

/** The tenant's DAG with this dag_id, or NOT_FOUND. */
export async function findDagOrThrow(db: DbOrTx, tenantId: string, dagId: string) {
  const dag = await db.dag.findUnique({ where: { tenantId_dagId: { tenantId, dagId } } });
  if (!dag) throw new TRPCError({ code: "NOT_FOUND", message: `DAG "${dagId}" not found in this tenant` });
  return dag;
}
