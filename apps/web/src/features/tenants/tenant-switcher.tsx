"use client";

import { useParams, useRouter } from "next/navigation";
import { trpc } from "@/lib/trpc";

/** Select of the user's tenants; shown inside a tenant, navigates to the chosen tenant's DAGs. */
export function TenantSwitcher() {
  const params = useParams<{ slug?: string }>();
  const router = useRouter();
  const tenants = trpc.tenants.mine.useQuery();
  const current = params.slug;
  if (!current || !tenants.data) return null;
  return (
    <label className="flex items-center gap-2 text-sm text-slate-300">
      <span className="sr-only sm:not-sr-only">Tenant</span>
      <select
        aria-label="Tenant"
        value={current}
        onChange={(e) => router.push(`/t/${encodeURIComponent(e.target.value)}/dags`)}
        className="rounded-md border border-slate-600 bg-slate-800 px-2 py-1 text-sm text-white"
      >
        {tenants.data.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
