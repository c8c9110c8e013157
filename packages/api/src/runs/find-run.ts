import { TRPCError } from "@trpc/server";
import type { DbOrTx } from "@updraft/db";

/** The tenant's DagRun with this id (uuid), or NOT_FOUND. */
export async function findRunOrThrow(db: DbOrTx, tenantId: string, id: string) {
  const run = await db.dagRun.findFirst({ where: { id, tenantId } });
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "Run not found" });
  return run;
}
