import { z } from "zod";

/** Every tenant's Kubernetes namespace is this prefix and its slug. */
export const TENANT_NAMESPACE_PREFIX = "updraft-";

/**
 * Longest slug: the namespace `updraft-<slug>` must be a DNS-1123 label,
 * which is at most 63 characters.
 */
export const TENANT_SLUG_MAX_LENGTH = 63 - TENANT_NAMESPACE_PREFIX.length;

/** A DNS-1123 label: lower-case letters, digits and hyphens, starting and ending with a letter or digit. */
export const TENANT_SLUG_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const PATTERN_MESSAGE = "must be lower-case letters, digits and hyphens, starting and ending with a letter or digit, e.g. acme-data";

/**
 * A tenant slug: it names the tenant in URLs (/t/<slug>) and its Kubernetes
 * namespace (`updraft-<slug>`), so it is a DNS label short enough for the prefix.
 * Messages name no field; callers prefix it ("slug: …").
 */
export const tenantSlugSchema = z
  .string({ error: "must be a string, e.g. acme-data" })
  .max(TENANT_SLUG_MAX_LENGTH, `must be at most ${TENANT_SLUG_MAX_LENGTH} characters`)
  .regex(TENANT_SLUG_PATTERN, PATTERN_MESSAGE);

/** Whether `slug` is a valid tenant slug. */
export function isTenantSlug(slug: string): boolean {
  return tenantSlugSchema.safeParse(slug).success;
}
