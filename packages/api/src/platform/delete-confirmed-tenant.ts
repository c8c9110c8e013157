import { TRPCError } from "@trpc/server";
import type { Db } from "@updraft/db";
import { deleteTenant } from "@updraft/platform";
import { requireTenant } from "./require-tenant";

/**
 * Deletes a tenant (its DAGs, runs and logs, and its Kubernetes namespace)
 * only when the admin typed its slug, so the wrong tenant is never deleted
 * by a stray click.
 */
export async function deleteConfirmedTenant(db: Db, input: { tenantId: string; confirmSlug: string }): Promise<{ slug: string }> {
  const tenant = await requireTenant(db, input.tenantId);
  if (input.confirmSlug !== tenant.slug) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Type the tenant's slug "${tenant.slug}" exactly to confirm deleting it; nothing was deleted.`,
    });
  }
  return deleteTenant(db, { tenantId: input.tenantId });
}
