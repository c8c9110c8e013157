import type { Db } from "@updraft/db";
import { describe, expect, it } from "vitest";
import { createTenantPodSettingsCache } from "./tenant-pod-settings-cache";

const ACME = { slug: "acme", quotaCpu: "4", quotaMemory: "8Gi", quotaGpus: 1, quotaPods: 20, maxConcurrentTasks: 10 };

/** A database that knows the given tenants and counts the reads. */
function fakeDb(rows: (typeof ACME)[], options: { failFirst?: boolean } = {}) {
  let reads = 0;
  const db = {
    tenant: {
      findUnique: async ({ where }: { where: { slug: string } }) => {
        reads++;
        if (options.failFirst && reads === 1) throw new Error("connection reset");
        return rows.find((r) => r.slug === where.slug) ?? null;
      },
    },
  } as unknown as Db;
  return { db, reads: () => reads };
}

describe("the Kubernetes executor's tenant settings", () => {
  it("fits pods into the tenant's quota: at most the whole quota per pod, default limits of 1 cpu and 1Gi", async () => {
    const { db } = fakeDb([ACME]);
    expect(await createTenantPodSettingsCache(db)("acme")).toEqual({
      maxPerPod: { cpu: "4", memory: "8Gi", gpu: 1 },
      defaultLimits: { cpu: "1", memory: "1Gi" },
    });
  });

  it("caps the default limits at a small quota", async () => {
    const { db } = fakeDb([{ ...ACME, quotaCpu: "500m", quotaMemory: "512Mi", quotaGpus: 0 }]);
    expect(await createTenantPodSettingsCache(db)("acme")).toEqual({
      maxPerPod: { cpu: "500m", memory: "512Mi", gpu: 0 },
      defaultLimits: { cpu: "500m", memory: "512Mi" },
    });
  });

  it("reads a tenant once for a burst of launches, and again once the settings are old", async () => {
    const { db, reads } = fakeDb([ACME]);
    const cached = createTenantPodSettingsCache(db, 60_000);
    await Promise.all([cached("acme"), cached("acme"), cached("acme")]);
    expect(reads()).toBe(1);
    const uncached = createTenantPodSettingsCache(db, 0);
    await uncached("acme");
    await uncached("acme");
    expect(reads()).toBe(3);
  });

  it("has nothing for a tenant that does not exist, and does not remember a failed read", async () => {
    const { db, reads } = fakeDb([ACME], { failFirst: true });
    const settings = createTenantPodSettingsCache(db, 60_000);
    await expect(settings("acme")).rejects.toThrow("connection reset");
    expect(await settings("acme")).toMatchObject({ maxPerPod: { cpu: "4" } });
    expect(await settings("gone")).toBeUndefined();
    expect(reads()).toBe(3);
  });
});
