"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import type { RouterOutputs } from "@/lib/trpc";
import { DeleteTenantDialog } from "./delete-tenant-dialog";
import { ProvisioningStatus } from "./provisioning-status";
import { QuotaForm } from "./quota-form";
import { UsageCell } from "./usage-cell";

type TenantUsage = RouterOutputs["platform"]["tenants"]["list"][number];

export const TENANT_COLUMNS = 10;

/** One tenant: quota against what is in use, waiting tasks, provisioning; edit quota and delete. */
export function TenantRow({ tenant, editing, onEdit }: { tenant: TenantUsage; editing: boolean; onEdit: (open: boolean) => void }) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { quota, used } = tenant;
  return (
    <Fragment>
      <tr data-tenant={tenant.slug} className={`align-top ${editing ? "bg-sky-50" : ""}`}>
        <td className="px-3 py-2">
          <Link href={`/t/${encodeURIComponent(tenant.slug)}/dags`} className="font-medium text-sky-800 hover:underline">
            {tenant.name}
          </Link>
          <span className="block font-mono text-xs text-slate-500">{tenant.slug}</span>
          <span className="block text-xs text-slate-400">
            {tenant.members} {tenant.members === 1 ? "member" : "members"}
          </span>
        </td>
        <UsageCell kind="cpu" used={used.cpu} hard={quota.cpu} />
        <UsageCell kind="memory" used={used.memory} hard={quota.memory} />
        <UsageCell kind="gpus" used={used.gpus} hard={quota.gpus} />
        <UsageCell kind="pods" used={used.pods} hard={quota.pods} />
        <UsageCell kind="tasks" used={used.tasks} hard={quota.maxConcurrentTasks} />
        <td className="px-3 py-2" data-testid="waiting-for-quota">
          {tenant.waitingForQuota > 0 ? (
            <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-300">
              {tenant.waitingForQuota}
            </span>
          ) : (
            <span className="text-xs text-slate-400">0</span>
          )}
        </td>
        <td className="px-3 py-2">
          <ProvisioningStatus
            tenantId={tenant.id}
            slug={tenant.slug}
            provisionedAt={tenant.provisionedAt}
            provisionError={tenant.provisionError}
          />
        </td>
        <td className="px-3 py-2 whitespace-nowrap">
          <button
            type="button"
            aria-expanded={editing}
            aria-label={`Edit quota of ${tenant.slug}`}
            onClick={() => onEdit(!editing)}
            className="rounded-md bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800"
          >
            Edit quota
          </button>
        </td>
        <td className="px-3 py-2">
          <button
            type="button"
            aria-label={`Delete ${tenant.slug}`}
            onClick={() => setConfirmDelete(true)}
            className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50"
          >
            Delete
          </button>
          {confirmDelete ? (
            <DeleteTenantDialog tenantId={tenant.id} slug={tenant.slug} onClose={() => setConfirmDelete(false)} />
          ) : null}
        </td>
      </tr>
      {editing ? (
        <tr className="bg-sky-50">
          <td colSpan={TENANT_COLUMNS} className="px-3 pb-3">
            <QuotaForm tenantId={tenant.id} slug={tenant.slug} quota={quota} onClose={() => onEdit(false)} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
