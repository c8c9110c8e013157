import { TRPCError } from "@trpc/server";
import type { DbOrTx } from "@updraft/db";

/** The tenant's slug, or NOT_FOUND (it may have been deleted by another admin meanwhile). */
export async function requireTenant(db: DbOrTx, tenantId: string): Promise<{ slug: string }> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { slug: true } });
  if (!tenant) throw new TRPCError({ code: "NOT_FOUND", message: "Tenant not found; it may have been deleted already" });
  return tenant;
}
