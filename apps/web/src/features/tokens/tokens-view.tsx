"use client";

import { ErrorAlert } from "@/components/error-alert";
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
      <div>
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Machines (CI pipelines) use a token instead of signing in:{" "}
          <code className="font-mono text-xs">npx updraft deploy ./dags --tenant {tenantSlug} --token upd_…</code> or{" "}
          <code className="font-mono text-xs">Authorization: Bearer upd_…</code> on the REST API. A token acts with its role in
          this tenant only, until it expires or is revoked.
        </p>
      </div>
      {access.status === "member" && !allowed ? (
        <RoleHint>Only tenant admins and owners can see and create API tokens; your role is {roleLabel(access.role)}.</RoleHint>
      ) : null}
      <ErrorAlert error={tokens.error} />
      {tokens.isLoading ? <p className="text-slate-500">Loading tokens…</p> : null}
      {role && allowed ? <CreateTokenForm tenantSlug={tenantSlug} myRole={role} /> : null}
      {tokens.data && tokens.data.length === 0 ? <p className="text-sm text-slate-500">No API tokens yet.</p> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="tokens-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">Token</th>
                <th scope="col" className="px-4 py-2">Role</th>
                <th scope="col" className="px-4 py-2">Created by</th>
                <th scope="col" className="px-4 py-2">Expires</th>
                <th scope="col" className="px-4 py-2">Last used</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.data.map((token) => (
                <TokenRow key={token.id} tenantSlug={tenantSlug} token={token} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
