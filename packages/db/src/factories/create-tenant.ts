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

export const createTenantInput = z.object({
  slug: tenantSlug,
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
});

export type CreateTenantInput = z.input<typeof createTenantInput>;

/** Creates a tenant; its display name defaults to the slug. */
export async function createTenant(db: DbOrTx, input: CreateTenantInput): Promise<Tenant> {
  const data = parseInput(createTenantInput, input, "tenant");
  return db.tenant.create({ data: { slug: data.slug, name: data.name ?? data.slug } });
}
