"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";
import { CreateTenantForm } from "./create-tenant-form";
import { TenantRow } from "./tenant-row";

/** Platform admin: every tenant's quota against live usage, provisioning, and tenant create / edit / delete. */
export function TenantsAdminView() {
  const tenants = trpc.platform.tenants.list.useQuery(undefined, { refetchInterval: 5_000 });
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Tenants</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          A tenant&apos;s quota caps what its tasks use at once, on every executor: queued and running tasks count. A task that
          does not fit waits as <span className="font-mono">scheduled</span> with a{" "}
          <span className="font-mono">waiting for quota</span> message. On Kubernetes the quota is also the namespace&apos;s
          ResourceQuota; saving a quota re-provisions the namespace.
        </p>
      </div>
      {tenants.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {errorMessage(tenants.error)}
        </p>
      ) : null}
      {tenants.isPending ? <p className="text-slate-500">Loading tenants…</p> : null}
      {tenants.data ? (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="tenants-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">Tenant</th>
                <th scope="col" className="px-3 py-2">CPU</th>
                <th scope="col" className="px-3 py-2">Memory</th>
                <th scope="col" className="px-3 py-2">GPUs</th>
                <th scope="col" className="px-3 py-2">Pods</th>
                <th scope="col" className="px-3 py-2">Tasks</th>
                <th scope="col" className="px-3 py-2">Waiting for quota</th>
                <th scope="col" className="px-3 py-2">Kubernetes</th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Quota</span>
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Delete</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tenants.data.map((tenant) => (
                <TenantRow
                  key={tenant.id}
                  tenant={tenant}
                  editing={editing === tenant.id}
                  onEdit={(open) => setEditing(open ? tenant.id : null)}
                />
              ))}
            </tbody>
          </table>
          {tenants.data.length === 0 ? <p className="px-4 py-6 text-sm text-slate-500">No tenants yet.</p> : null}
        </div>
      ) : null}
      <p className="text-xs text-slate-500">In use / quota. Usage refreshes every 5 seconds.</p>
      <CreateTenantForm />
    </div>
  );
}
