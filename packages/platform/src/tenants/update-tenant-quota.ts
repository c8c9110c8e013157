import type { Db } from "@updraft/db";
import { admitScheduledTasks, UserError, parseTenantQuota } from "@updraft/engine";
import { isUuid } from "./is-uuid";
import { enqueueTenantProvisioning } from "./enqueue-tenant-provisioning";
import { tenantQuotaSchema, type TenantQuota } from "@updraft/domain/tenant-quota";

/**
 * Sets a tenant's quota (validated: a UserError lists every problem) and asks
 * for its namespace to be re-provisioned, in one transaction; then admits
 * waiting tasks, so a raised quota applies at once.
 */
export async function updateTenantQuota(db: Db, input: { tenantId: string; quota: unknown }, now: Date = new Date()): Promise<TenantQuota> {
  const quota = parseTenantQuota(tenantQuotaSchema, input.quota);
  if (!isUuid(input.tenantId)) throw new UserError("There is no such tenant (it may have been deleted).");
  await db.$transaction(async (tx) => {
    const updated = await tx.tenant.updateMany({
      where: { id: input.tenantId },
      data: {
        quotaCpu: quota.cpu,
        quotaMemory: quota.memory,
        quotaGpus: quota.gpus,
        quotaPods: quota.pods,
        maxConcurrentTasks: quota.maxConcurrentTasks,
      },
    });
    if (updated.count === 0) throw new UserError("There is no such tenant (it may have been deleted).");
    await enqueueTenantProvisioning(tx, input.tenantId);
  });
  await admitScheduledTasks(db, { tenantId: input.tenantId }, now);
  return quota;
}
