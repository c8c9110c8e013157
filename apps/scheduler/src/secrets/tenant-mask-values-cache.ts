import type { Db } from "@updraft/db";
import { loadTenantMaskValues, type SecretKeyring } from "@updraft/platform";

export interface TenantMaskValuesCache {
  /** Every secret value and connection password of the tenant (the texts to mask in its task logs). */
  get(tenantSlug: string): Promise<string[]>;
}

/**
 * A tenant's mask values, decrypted at most once every `ttlMs` (default 5 s)
 * however many tries start: a secret created or changed shows up in the
 * masks of tries that start after that. Concurrent callers share one load;
 * a failed load is not cached. A tenant that does not exist has nothing to
 * mask.
 */
export function createTenantMaskValuesCache(db: Db, keyring: SecretKeyring, options: { ttlMs?: number } = {}): TenantMaskValuesCache {
  const ttlMs = options.ttlMs ?? 5000;
  const entries = new Map<string, { expiresAt: number; values: Promise<string[]> }>();

  async function load(tenantSlug: string): Promise<string[]> {
    const tenant = await db.tenant.findUnique({ where: { slug: tenantSlug }, select: { id: true } });
    return tenant ? loadTenantMaskValues(db, keyring, tenant.id) : [];
  }

  return {
    get(tenantSlug) {
      const now = Date.now();
      const hit = entries.get(tenantSlug);
      if (hit && hit.expiresAt > now) return hit.values;
      for (const [slug, entry] of entries) if (entry.expiresAt <= now) entries.delete(slug);
      const values = load(tenantSlug);
      entries.set(tenantSlug, { expiresAt: now + ttlMs, values });
      values.catch(() => {
        if (entries.get(tenantSlug)?.values === values) entries.delete(tenantSlug);
      });
      return values;
    },
  };
}
