import type { Db } from "@updraft/db";
import type { TenantQuota } from "@updraft/domain/tenant-quota";
import { tenantQuotaOf } from "@updraft/engine";

const QUOTA_COLUMNS = { slug: true, quotaCpu: true, quotaMemory: true, quotaGpus: true, quotaPods: true, maxConcurrentTasks: true } as const;

/** What provision_tenant needs from the tenant's row; null when the tenant is gone. */
export async function readTenantForProvisioning(db: Db, tenantId: string): Promise<{ slug: string; quota: TenantQuota } | null> {
  const row = await db.tenant.findUnique({ where: { id: tenantId }, select: QUOTA_COLUMNS });
  return row ? { slug: row.slug, quota: tenantQuotaOf(row) } : null;
}

/** The quota of the tenant with this slug (the Kubernetes executor's per-tenant pod settings); null when there is none. */
export async function readTenantQuotaBySlug(db: Db, slug: string): Promise<TenantQuota | null> {
  const row = await db.tenant.findUnique({ where: { slug }, select: QUOTA_COLUMNS });
  return row ? tenantQuotaOf(row) : null;
}
