import type { Db } from "@updraft/db";
import { enqueueJob, deprovisionTenantJobKey, UserError } from "@updraft/engine";
import { isUuid } from "./is-uuid";

/**
 * Deletes a tenant with everything it owns (DAGs, runs, pools, memberships
 * cascade) and asks for its Kubernetes namespace to be removed, in one
 * transaction.
 */
export async function deleteTenant(db: Db, input: { tenantId: string }): Promise<{ slug: string }> {
  if (!isUuid(input.tenantId)) throw new UserError("There is no such tenant (it may have been deleted already).");
  return db.$transaction(async (tx) => {
    const [deleted] = await tx.$queryRaw<{ slug: string }[]>`
      DELETE FROM tenants WHERE id = ${input.tenantId}::uuid RETURNING slug`;
    if (!deleted) throw new UserError("There is no such tenant (it may have been deleted already).");
    await enqueueJob(tx, "deprovision_tenant", { slug: deleted.slug }, { jobKey: deprovisionTenantJobKey(deleted.slug) });
    return { slug: deleted.slug };
  });
}
