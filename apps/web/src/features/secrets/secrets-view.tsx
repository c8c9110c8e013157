"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { RoleHint } from "@/components/role-hint";
import { roleAtLeast, roleLabel } from "@/lib/roles";
import { trpc } from "@/lib/trpc";
import { useTenantRole } from "../tenants/use-tenant-role";
import { SecretRow } from "./secret-row";
import { SetSecretForm } from "./set-secret-form";

/** The tenant's secrets: names and when they changed, never values. Admins set, replace and delete them. */
export function SecretsView({ tenantSlug }: { tenantSlug: string }) {
  const role = useTenantRole(tenantSlug);
  const secrets = trpc.secrets.list.useQuery({ tenantSlug });
  const [notice, setNotice] = useState<string | null>(null);
  const canEdit = roleAtLeast(role, "ADMIN");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Secrets</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          A task that lists a secret (<code className="font-mono">secrets: [api_token]</code> in the DAG file) gets its value in
          an environment variable of the same name in upper case (<span className="font-mono">API_TOKEN</span>). Values are
          encrypted at rest, masked as <span className="font-mono">***</span> in task logs, and never shown again after saving.
        </p>
      </div>
      <ErrorAlert error={secrets.error} />
      {secrets.isPending ? <p className="text-slate-500">Loading secrets…</p> : null}
      {secrets.data && secrets.data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">No secrets yet.</p>
      ) : null}
      {secrets.data && secrets.data.length > 0 ? (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="secrets-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">Environment variable</th>
                <th scope="col" className="px-4 py-2">Value</th>
                <th scope="col" className="px-4 py-2">Updated</th>
                <th scope="col" className="px-4 py-2">Description</th>
                {canEdit ? (
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {secrets.data.map((secret) => (
                <SecretRow key={secret.name} tenantSlug={tenantSlug} secret={secret} canEdit={canEdit} onNotice={setNotice} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-green-800" data-testid="secrets-notice">
          {notice}
        </p>
      ) : null}
      {canEdit ? (
        <SetSecretForm tenantSlug={tenantSlug} existing={secrets.data?.map((s) => s.name) ?? []} onSaved={setNotice} />
      ) : role ? (
        <RoleHint>Only tenant admins and owners can set, replace or delete secrets; your role is {roleLabel(role)}.</RoleHint>
      ) : null}
    </div>
  );
}
