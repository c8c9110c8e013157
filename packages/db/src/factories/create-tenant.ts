import { partialTenantQuotaSchema } from "@updraft/domain/tenant-quota";
import { tenantSlugSchema } from "@updraft/domain/tenant-slug";
import { z } from "zod";
import type { DbOrTx } from "../client";
import type { Tenant } from "../generated/prisma/client";
import { parseInput } from "../parse-input";

export const createTenantInput = z.object({
  slug: tenantSlugSchema,
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
  /** Overrides of the default quota (DEFAULT_TENANT_QUOTA, which the tenants table's column defaults spell too). */
  quota: partialTenantQuotaSchema.optional(),
});

export type CreateTenantInput = z.input<typeof createTenantInput>;

/** Creates a tenant; its display name defaults to the slug, its quota to the table's defaults. */
export async function createTenant(db: DbOrTx, input: CreateTenantInput): Promise<Tenant> {
  const data = parseInput(createTenantInput, input, "tenant");
  const quota = data.quota ?? {};
  return db.tenant.create({
    data: {
      slug: data.slug,
      name: data.name ?? data.slug,
      quotaCpu: quota.cpu,
      quotaMemory: quota.memory,
      quotaGpus: quota.gpus,
      quotaPods: quota.pods,
      maxConcurrentTasks: quota.maxConcurrentTasks,
    },
  });
}
