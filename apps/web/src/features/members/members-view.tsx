"use client";

import { ErrorAlert } from "@/components/error-alert";
import { RoleHint } from "@/components/role-hint";
import { grantableRoles, roleAtLeast, roleLabel } from "@/lib/roles";
import { trpc } from "@/lib/trpc";
import { InviteForm } from "../invitations/invite-form";
import { PendingInvitations } from "../invitations/pending-invitations";
import { useTenantRole } from "../tenants/use-tenant-role";
import { MemberRow } from "./member-row";

/** The tenant's members with their roles; Admins and Owners change roles, remove members and invite. */
export function MembersView({ tenantSlug, currentUserId }: { tenantSlug: string; currentUserId: string }) {
  const role = useTenantRole(tenantSlug);
  const members = trpc.members.list.useQuery({ tenantSlug });
  const canManage = roleAtLeast(role, "ADMIN");
  const grantable = grantableRoles(role);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Members</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Owners can do everything, including managing owners. Admins manage members, connections, secrets, pools, API tokens
          and see the audit log. Authors upload and delete DAGs and edit connections (not their passwords). Operators trigger,
          pause, clear and backfill runs. Viewers only read.
        </p>
      </div>
      <ErrorAlert error={members.error} />
      {members.isPending ? <p className="text-slate-500">Loading members…</p> : null}
      {members.data ? (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="members-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">E-mail</th>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">Role</th>
                <th scope="col" className="px-4 py-2">Joined</th>
                {canManage ? (
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.data.map((member) => (
                <MemberRow
                  key={member.userId}
                  tenantSlug={tenantSlug}
                  member={member}
                  isMe={member.userId === currentUserId}
                  myRole={role}
                  grantable={grantable}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canManage ? (
        <>
          <InviteForm tenantSlug={tenantSlug} grantable={grantable} />
          <PendingInvitations tenantSlug={tenantSlug} />
        </>
      ) : role ? (
        <RoleHint>
          Only tenant admins and owners can invite people, change roles or remove members; your role is {roleLabel(role)}.
        </RoleHint>
      ) : null}
    </div>
  );
}
