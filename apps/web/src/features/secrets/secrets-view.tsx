"use client";

import { useState } from "react";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ErrorAlert } from "@/components/error-alert";
import { PageHeader } from "@/components/page-header";
import { RoleHint } from "@/components/role-hint";
import { SuccessMessage } from "@/components/success-message";
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
      <PageHeader title="Secrets">
        A task that lists a secret (<code className="font-mono">secrets: [api_token]</code> in the DAG file) gets its value in
        an environment variable of the same name in upper case (<span className="font-mono">API_TOKEN</span>). Values are
        encrypted at rest, masked as <span className="font-mono">***</span> in task logs, and never shown again after saving.
      </PageHeader>
      <ErrorAlert error={secrets.error} />
      {secrets.isPending ? <p className="text-slate-500">Loading secrets…</p> : null}
      {secrets.data && secrets.data.length === 0 ? <EmptyState>No secrets yet.</EmptyState> : null}
      {secrets.data && secrets.data.length > 0 ? (
        <DataTable
          testId="secrets-table"
          columns={["Name", "Environment variable", "Value", "Updated", "Description", canEdit && { label: "Actions", hidden: true }]}
        >
          {secrets.data.map((secret) => (
            <SecretRow key={secret.name} tenantSlug={tenantSlug} secret={secret} canEdit={canEdit} onNotice={setNotice} />
          ))}
        </DataTable>
      ) : null}
      {notice ? <SuccessMessage testId="secrets-notice">{notice}</SuccessMessage> : null}
      {canEdit ? (
        <SetSecretForm tenantSlug={tenantSlug} existing={secrets.data?.map((s) => s.name) ?? []} onSaved={setNotice} />
      ) : role ? (
        <RoleHint>Only tenant admins and owners can set, replace or delete secrets; your role is {roleLabel(role)}.</RoleHint>
      ) : null}
    </div>
  );
}
