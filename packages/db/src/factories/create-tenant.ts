import { z } from "zod";
import type { DbOrTx } from "../client";
import type { Tenant } from "../generated/prisma/client";
import { parseInput } from "../parse-input";

/**
 * Tenant slugs name the tenant's Kubernetes namespace (`updraft-<slug>`), so
 * they must be DNS labels: lower-case letters, digits and hyphens.
 */
export const tenantSlug = z
  .string()
  .min(1, "must not be empty")
  .max(40, "must be at most 40 characters")
  .regex(
    /^[a-z]([a-z0-9-]*[a-z0-9])?$/,
    "must start with a lower-case letter and contain only lower-case letters, digits and hyphens (not at the end), e.g. acme-data",
  );

const quantity = z.string().regex(/^(?:\d+(?:\.\d*)?|\.\d+)(?:Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$/, 'must be a Kubernetes quantity, e.g. "4" or "16Gi"');

export const createTenantInput = z.object({
  slug: tenantSlug,
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
  /** Overrides of the default quota (32 cpu, 128Gi memory, 0 GPUs, 200 pods, 128 concurrent tasks). */
  quota: z
    .object({
      cpu: quantity.optional(),
      memory: quantity.optional(),
      gpus: z.number().int().min(0).optional(),
      pods: z.number().int().min(1).optional(),
      maxConcurrentTasks: z.number().int().min(1).optional(),
    })
    .optional(),
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
