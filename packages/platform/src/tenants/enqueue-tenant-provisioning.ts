import type { Db, DbOrTx } from "@updraft/db";
import { enqueueJob, enqueueJobs, provisionTenantJobKey } from "@updraft/engine";

/**
 * Asks a Kubernetes scheduler to (re-)provision the tenant's namespace. The
 * job key coalesces repeated requests; a request while a pass runs queues one
 * more pass after it (graphile-worker keeps the running job and adds a new one).
 */
export async function enqueueTenantProvisioning(db: DbOrTx, tenantId: string, options: { runAt?: Date } = {}): Promise<void> {
  await enqueueJob(db, "provision_tenant", { tenantId }, { jobKey: provisionTenantJobKey(tenantId), runAt: options.runAt });
}

/** Provisioning for every tenant (a Kubernetes scheduler's start repairs drift); returns how many were enqueued. */
export async function enqueueProvisioningForAllTenants(db: Db): Promise<number> {
  const tenants = await db.tenant.findMany({ select: { id: true }, orderBy: { slug: "asc" } });
  await enqueueJobs(
    db,
    tenants.map((t) => ({ name: "provision_tenant" as const, payload: { tenantId: t.id }, jobKey: provisionTenantJobKey(t.id) })),
  );
  return tenants.length;
}
