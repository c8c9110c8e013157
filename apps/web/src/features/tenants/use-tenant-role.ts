"use client";

import { trpc } from "@/lib/trpc";

/** The signed-in user's role in the tenant (undefined while loading or when not a member). */
export function useTenantRole(tenantSlug: string): string | undefined {
  const tenants = trpc.tenants.mine.useQuery(undefined, { staleTime: 60_000 });
  return tenants.data?.find((t) => t.slug === tenantSlug)?.role;
}

export type TenantAccess = { status: "loading" } | { status: "not-member" } | { status: "member"; role: string };

/**
 * Whether the user's tenants have loaded and whether this is one of them.
 * Pages use it to hide what the role may not do; the API checks again (a
 * non-member gets "Tenant not found" from every tenant procedure).
 */
export function useTenantAccess(tenantSlug: string): TenantAccess {
  const tenants = trpc.tenants.mine.useQuery(undefined, { staleTime: 60_000 });
  if (!tenants.data) return tenants.error ? { status: "not-member" } : { status: "loading" };
  const role = tenants.data.find((t) => t.slug === tenantSlug)?.role;
  return role ? { status: "member", role } : { status: "not-member" };
}
