"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { PageHeader } from "@/components/page-header";
import { RoleHint } from "@/components/role-hint";
import { roleAtLeast, roleLabel } from "@/lib/roles";
import { trpc } from "@/lib/trpc";
import { useTenantAccess } from "../tenants/use-tenant-role";
import { AuditFilterForm } from "./audit-filter-form";
import { NO_AUDIT_FILTERS, type AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";

/** Who did what in the tenant, newest first, with filters and a CSV export of the same selection (Admins and Owners). */
export function AuditView({ tenantSlug }: { tenantSlug: string }) {
  const access = useTenantAccess(tenantSlug);
  const role = access.status === "member" ? access.role : undefined;
  const allowed = access.status === "not-member" || roleAtLeast(role, "ADMIN");
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const events = trpc.audit.list.useInfiniteQuery(
    {
      tenantSlug,
      action: filters.action.trim() || undefined,
      actor: filters.actor.trim() || undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
      limit: 50,
    },
    { enabled: access.status !== "loading" && allowed, getNextPageParam: (page) => page.nextCursor },
  );
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <div className="space-y-6">
      <PageHeader title="Audit log">
        Every change in this tenant (uploads and deploys, triggers, pauses, connection and secret changes, member and role
        changes, API tokens) with who made it, when and from which IP address. Values, passwords and tokens are never recorded.
      </PageHeader>
      {access.status === "member" && !allowed ? (
        <RoleHint>Only tenant admins and owners can see the audit log; your role is {roleLabel(access.role)}.</RoleHint>
      ) : (
        <>
          <AuditFilterForm tenantSlug={tenantSlug} applied={filters} onApply={setFilters} />
          <ErrorAlert error={events.error} />
          {events.isLoading ? <p className="text-slate-500">Loading events…</p> : null}
          {events.data ? <AuditTable events={rows} /> : null}
          {events.hasNextPage ? (
            <button
              type="button"
              disabled={events.isFetchingNextPage}
              onClick={() => void events.fetchNextPage()}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50 disabled:opacity-60"
            >
              {events.isFetchingNextPage ? "Loading…" : "Load older events"}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
