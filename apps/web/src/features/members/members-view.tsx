"use client";

import { DataTable } from "@/components/data-table";
import { ErrorAlert } from "@/components/error-alert";
import { PageHeader } from "@/components/page-header";
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
      <PageHeader title="Members">
        Owners can do everything, including managing owners. Admins manage members, connections, secrets, pools, API tokens
        and see the audit log. Authors upload and delete DAGs and edit connections (not their passwords). Operators trigger,
        pause, clear and backfill runs. Viewers only read.
      </PageHeader>
      <ErrorAlert error={members.error} />
      {members.isPending ? <p className="text-slate-500">Loading members…</p> : null}
      {members.data ? (
        <DataTable
          testId="members-table"
          columns={["E-mail", "Name", "Role", "Joined", canManage && { label: "Actions", hidden: true }]}
        >
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
        </DataTable>
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
