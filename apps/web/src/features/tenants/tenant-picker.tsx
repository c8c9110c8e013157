"use client";

import Link from "next/link";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";

export function TenantPicker() {
  const tenants = trpc.tenants.mine.useQuery();
  if (tenants.isPending) return <p className="text-slate-500">Loading tenants…</p>;
  if (tenants.error) return <p role="alert" className="text-red-700">{errorMessage(tenants.error)}</p>;
  if (tenants.data.length === 0) {
    return (
      <div className="space-y-2 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600" data-testid="no-tenants">
        <p className="font-medium text-slate-800">You are not a member of any tenant yet.</p>
        <p>
          Ask a tenant admin for an invitation: they invite your e-mail address on their tenant&apos;s Members page and
          send you the link. A platform admin can also create a new tenant for you.
        </p>
      </div>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {tenants.data.map((t) => (
        <li key={t.slug}>
          <Link
            href={`/t/${encodeURIComponent(t.slug)}/dags`}
            className="flex items-center justify-between px-5 py-4 hover:bg-sky-50"
          >
            <span>
              <span className="block font-medium">{t.name}</span>
              <span className="block font-mono text-sm text-slate-500">{t.slug}</span>
            </span>
            <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700">
              {t.role.toLowerCase()}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
