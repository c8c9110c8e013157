"use client";

import { trpc } from "@/lib/trpc";

/** The signed-in user's role in the tenant (undefined while loading or when not a member). */
export function useTenantRole(tenantSlug: string): string | undefined {
  const tenants = trpc.tenants.mine.useQuery(undefined, { staleTime: 60_000 });
  return tenants.data?.find((t) => t.slug === tenantSlug)?.role;
}
