import { TENANT_SLUG_MAX_LENGTH } from "@updraft/domain/tenant-slug";
import { z } from "zod";

export const tenantIdSchema = z.uuid("Pick a tenant (its id is a UUID)");

/**
 * The quota's shape only; the engine (updateTenantQuota) checks the values
 * (Kubernetes quantities, no negatives) and names every problem at once.
 */
export const quotaInputSchema = z.object({
  cpu: z.string().trim().max(50, "cpu is limited to 50 characters, e.g. \"4\" or \"500m\""),
  memory: z.string().trim().max(50, "memory is limited to 50 characters, e.g. \"16Gi\""),
  gpus: z.number("GPUs must be a whole number, e.g. 0 or 2"),
  pods: z.number("Pods must be a whole number, e.g. 200"),
  maxConcurrentTasks: z.number("Max concurrent tasks must be a whole number, e.g. 32"),
});

export const newTenantInputSchema = z.object({
  slug: z.string().trim().min(1, "Give the tenant a slug, e.g. data-team").max(TENANT_SLUG_MAX_LENGTH, `Slugs are at most ${TENANT_SLUG_MAX_LENGTH} characters`),
  name: z.string().trim().min(1, "Give the tenant a name, e.g. Data Team").max(200, "Names are limited to 200 characters"),
});

export const confirmSlugSchema = z.string().trim().max(100);
