"use client";

import { useState } from "react";
import { DataTable } from "@/components/data-table";
import { ErrorAlert } from "@/components/error-alert";
import { PageHeader } from "@/components/page-header";
import { trpc } from "@/lib/trpc";
import { PlatformCostsPanel } from "../costs/cost-panels";
import { PriceSheetsSection } from "../costs/price-sheets-section";
import { CreateTenantForm } from "./create-tenant-form";
import { TenantRow } from "./tenant-row";

/** Platform admin: every tenant's quota against live usage, provisioning, and tenant create / edit / delete. */
export function TenantsAdminView() {
  const tenants = trpc.platform.tenants.list.useQuery(undefined, { refetchInterval: 5_000 });
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <div className="space-y-6">
      <PageHeader title="Tenants">
        A tenant&apos;s quota caps what its tasks use at once, on every executor: queued and running tasks count. A task that
        does not fit waits as <span className="font-mono">scheduled</span> with a{" "}
        <span className="font-mono">waiting for quota</span> message. On Kubernetes the quota is also the namespace&apos;s
        ResourceQuota; saving a quota re-provisions the namespace.
      </PageHeader>
      <ErrorAlert error={tenants.error} size="base" />
      {tenants.isPending ? <p className="text-slate-500">Loading tenants…</p> : null}
      {tenants.data ? (
        <DataTable
          testId="tenants-table"
          columns={[
            "Tenant",
            "CPU",
            "Memory",
            "GPUs",
            "Pods",
            "Tasks",
            "Waiting for quota",
            "Kubernetes",
            { label: "Quota", hidden: true },
            { label: "Delete", hidden: true },
          ]}
          headerPadding="px-3 py-2"
          footer={tenants.data.length === 0 ? <p className="px-4 py-6 text-sm text-slate-500">No tenants yet.</p> : null}
        >
          {tenants.data.map((tenant) => (
            <TenantRow
              key={tenant.id}
              tenant={tenant}
              editing={editing === tenant.id}
              onEdit={(open) => setEditing(open ? tenant.id : null)}
            />
          ))}
        </DataTable>
      ) : null}
      <p className="text-xs text-slate-500">In use / quota. Usage refreshes every 5 seconds.</p>
      <CreateTenantForm />
      <PlatformCostsPanel />
      <PriceSheetsSection />
    </div>
  );
}
