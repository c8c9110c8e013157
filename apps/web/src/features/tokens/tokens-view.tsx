"use client";

import { DataTable } from "@/components/data-table";
import { ErrorAlert } from "@/components/error-alert";
import { PageHeader } from "@/components/page-header";
import { RoleHint } from "@/components/role-hint";
import { roleAtLeast, roleLabel } from "@/lib/roles";
import { trpc } from "@/lib/trpc";
import { useTenantAccess } from "../tenants/use-tenant-role";
import { CreateTokenForm } from "./create-token-form";
import { TokenRow } from "./token-row";

/** API tokens for CI deploys (Admins and Owners): create (shown once), list, revoke. */
export function TokensView({ tenantSlug }: { tenantSlug: string }) {
  const access = useTenantAccess(tenantSlug);
  const role = access.status === "member" ? access.role : undefined;
  const allowed = access.status === "not-member" || roleAtLeast(role, "ADMIN");
  const tokens = trpc.tokens.list.useQuery({ tenantSlug }, { enabled: access.status !== "loading" && allowed });

  return (
    <div className="space-y-6">
      <PageHeader title="API tokens">
        Machines (CI pipelines) use a token instead of signing in:{" "}
        <code className="font-mono text-xs">npx updraft deploy ./dags --tenant {tenantSlug} --token upd_…</code> or{" "}
        <code className="font-mono text-xs">Authorization: Bearer upd_…</code> on the REST API. A token acts with its role in
        this tenant only, until it expires or is revoked.
      </PageHeader>
      {access.status === "member" && !allowed ? (
        <RoleHint>Only tenant admins and owners can see and create API tokens; your role is {roleLabel(access.role)}.</RoleHint>
      ) : null}
      <ErrorAlert error={tokens.error} />
      {tokens.isLoading ? <p className="text-slate-500">Loading tokens…</p> : null}
      {role && allowed ? <CreateTokenForm tenantSlug={tenantSlug} myRole={role} /> : null}
      {tokens.data && tokens.data.length === 0 ? <p className="text-sm text-slate-500">No API tokens yet.</p> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <DataTable
          testId="tokens-table"
          columns={["Name", "Token", "Role", "Created by", "Expires", "Last used", "Status", { label: "Actions", hidden: true }]}
        >
          {tokens.data.map((token) => (
            <TokenRow key={token.id} tenantSlug={tenantSlug} token={token} />
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
