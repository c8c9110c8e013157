"use client";

import { DataTable } from "@/components/data-table";
import { ErrorAlert } from "@/components/error-alert";
import { PageHeader } from "@/components/page-header";
import { roleAtLeast } from "@/lib/roles";
import { trpc } from "@/lib/trpc";
import { useTenantRole } from "../tenants/use-tenant-role";
import { CreatePoolForm } from "./create-pool-form";
import { PoolRow } from "./pool-row";

/** Pools: named execution slots of the tenant, with live slot use. Editable by admins and owners. */
export function PoolsView({ tenantSlug }: { tenantSlug: string }) {
  const role = useTenantRole(tenantSlug);
  const pools = trpc.pools.list.useQuery({ tenantSlug }, { refetchInterval: 5_000 });
  const canEdit = roleAtLeast(role, "ADMIN");

  return (
    <div className="space-y-6">
      <PageHeader title="Pools">
        A pool caps how many tasks that name it (<code className="font-mono">pool: gpu</code> in the DAG file) run at once
        across all DAGs of this tenant. Tasks without a pool use <span className="font-mono">default_pool</span>. A task
        waiting for a slot shows as <span className="font-mono">scheduled</span>.
      </PageHeader>
      <ErrorAlert error={pools.error} size="base" />
      {pools.isPending ? <p className="text-slate-500">Loading pools…</p> : null}
      {pools.data ? (
        <DataTable
          testId="pools-table"
          columns={[
            "Name",
            "Slots",
            "Running",
            "Queued",
            "Scheduled",
            "Description",
            canEdit && { label: "Actions", hidden: true },
          ]}
        >
          {pools.data.map((pool) => (
            <PoolRow key={pool.name} tenantSlug={tenantSlug} pool={pool} canEdit={canEdit} />
          ))}
        </DataTable>
      ) : null}
      {canEdit ? (
        <CreatePoolForm tenantSlug={tenantSlug} />
      ) : role ? (
        <p className="text-sm text-slate-500">Only tenant admins and owners can create or edit pools; your role is {role.toLowerCase()}.</p>
      ) : null}
    </div>
  );
}
