import type { Db } from "@updraft/db";
import type { TenantQuota } from "@updraft/domain/tenant-quota";
import { readTenantQuotaBySlug } from "@updraft/platform";
import { parseProvisionTenantInput, tenantPodSettings, type TenantPodSettings } from "@updraft/executor";

/** The per-pod limits that follow from a tenant's quota (the same numbers its LimitRange holds). */
export function podSettingsOf(slug: string, quota: TenantQuota): TenantPodSettings {
  return tenantPodSettings(
    parseProvisionTenantInput({ slug, quota: { cpu: quota.cpu, memory: quota.memory, gpus: quota.gpus, pods: quota.pods } }),
  );
}

/** How long a tenant's pod settings are reused: a quota change reaches new pods within this time. */
export const TENANT_SETTINGS_TTL_MS = 3000;

/**
 * The executor's `tenantSettings(slug)`: the per-pod limits that follow from
 * the tenant's quota (the same numbers its LimitRange holds), read from the
 * database and reused for a few seconds, so a burst of launches reads the
 * tenant once. Undefined for a tenant that no longer exists.
 */
export function createTenantPodSettingsCache(db: Db, ttlMs = TENANT_SETTINGS_TTL_MS) {
  const cache = new Map<string, { at: number; settings: Promise<TenantPodSettings | undefined> }>();

  async function read(slug: string): Promise<TenantPodSettings | undefined> {
    const quota = await readTenantQuotaBySlug(db, slug);
    return quota ? podSettingsOf(slug, quota) : undefined;
  }

  return function tenantSettings(slug: string): Promise<TenantPodSettings | undefined> {
    const now = Date.now();
    const cached = cache.get(slug);
    if (cached && now - cached.at < ttlMs) return cached.settings;
    const settings = read(slug);
    cache.set(slug, { at: now, settings });
    // A failed read is not remembered: the next launch asks again.
    settings.catch(() => {
      if (cache.get(slug)?.settings === settings) cache.delete(slug);
    });
    return settings;
  };
}
