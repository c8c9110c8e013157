"use client";

import { errorMessage } from "@/lib/error-message";
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
      <div>
        <h1 className="text-2xl font-semibold">Pools</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          A pool caps how many tasks that name it (<code className="font-mono">pool: gpu</code> in the DAG file) run at once
          across all DAGs of this tenant. Tasks without a pool use <span className="font-mono">default_pool</span>. A task
          waiting for a slot shows as <span className="font-mono">scheduled</span>.
        </p>
      </div>
      {pools.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {errorMessage(pools.error)}
        </p>
      ) : null}
      {pools.isPending ? <p className="text-slate-500">Loading pools…</p> : null}
      {pools.data ? (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="pools-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">Slots</th>
                <th scope="col" className="px-4 py-2">Running</th>
                <th scope="col" className="px-4 py-2">Queued</th>
                <th scope="col" className="px-4 py-2">Scheduled</th>
                <th scope="col" className="px-4 py-2">Description</th>
                {canEdit ? (
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {pools.data.map((pool) => (
                <PoolRow key={pool.name} tenantSlug={tenantSlug} pool={pool} canEdit={canEdit} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canEdit ? (
        <CreatePoolForm tenantSlug={tenantSlug} />
      ) : role ? (
        <p className="text-sm text-slate-500">Only tenant admins and owners can create or edit pools; your role is {role.toLowerCase()}.</p>
      ) : null}
    </div>
  );
}
