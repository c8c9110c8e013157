import { Prisma, type Db } from "@updraft/db";
import { tenantSlugSchema } from "@updraft/domain/tenant-slug";
import { z } from "zod";
import { UserError } from "@updraft/engine";
import { isUuid } from "./is-uuid";
import { enqueueTenantProvisioning } from "./enqueue-tenant-provisioning";
import { checkTenantQuota, DEFAULT_TENANT_QUOTA, partialTenantQuotaSchema, type TenantQuota } from "@updraft/domain/tenant-quota";

const nameSchema = z
  .string({ error: "name: must be a string, e.g. Acme Data" })
  .trim()
  .min(1, "name: must not be empty, e.g. Acme Data")
  .max(200, "name: must be at most 200 characters");

/**
 * Creates a tenant with its first owner, and asks for its namespace to be
 * provisioned, in one transaction. A slug in use is a UserError.
 */
export async function createTenant(
  db: Db,
  input: { slug: string; name: string; ownerUserId: string; quota?: Partial<TenantQuota> },
): Promise<{ id: string; slug: string }> {
  const problems: string[] = [];
  const slug = tenantSlugSchema.safeParse(input.slug);
  if (!slug.success) problems.push(...slug.error.issues.map((i) => `slug: ${i.message}`));
  const name = nameSchema.safeParse(input.name);
  if (!name.success) problems.push(...name.error.issues.map((i) => i.message));
  const quota = checkTenantQuota(partialTenantQuotaSchema, input.quota ?? {});
  if (!quota.ok) problems.push(...quota.problems);
  if (!isUuid(input.ownerUserId)) problems.push("ownerUserId: must be a user id (uuid)");
  if (!slug.success || !name.success || !quota.ok || problems.length > 0) throw new UserError(`Invalid tenant: ${problems.join("; ")}`);
  const values: TenantQuota = { ...DEFAULT_TENANT_QUOTA, ...stripUndefined(quota.value) };

  try {
    return await db.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({
        data: {
          slug: slug.data,
          name: name.data,
          quotaCpu: values.cpu,
          quotaMemory: values.memory,
          quotaGpus: values.gpus,
          quotaPods: values.pods,
          maxConcurrentTasks: values.maxConcurrentTasks,
          memberships: { create: { userId: input.ownerUserId, role: "OWNER" } },
        },
        select: { id: true, slug: true },
      });
      await enqueueTenantProvisioning(tx, tenant.id);
      return tenant;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserError(`A tenant with the slug "${slug.data}" exists already: choose another slug.`);
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2025")) {
      throw new UserError("The tenant's owner is not a user (they may have been deleted).");
    }
    throw error;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
