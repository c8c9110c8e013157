"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { DataTable } from "@/components/data-table";
import { ErrorAlert } from "@/components/error-alert";
import { errorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format-time";
import { roleLabel } from "@/lib/roles";
import { trpc, type RouterOutputs } from "@/lib/trpc";

type Invitation = RouterOutputs["invitations"]["list"][number];

/** Invitations not yet accepted: who, which role, by whom, until when; Revoke stops the link working. */
export function PendingInvitations({ tenantSlug }: { tenantSlug: string }) {
  const invitations = trpc.invitations.list.useQuery({ tenantSlug });
  return (
    <section aria-labelledby="pending-invitations-heading" className="space-y-3">
      <h2 id="pending-invitations-heading" className="text-lg font-semibold">
        Pending invitations
      </h2>
      <ErrorAlert error={invitations.error} />
      {invitations.data && invitations.data.length === 0 ? (
        <p className="text-sm text-slate-500">No pending invitations.</p>
      ) : null}
      {invitations.data && invitations.data.length > 0 ? (
        <DataTable
          testId="invitations-table"
          columns={["E-mail", "Role", "Invited by", "Sent", "Expires", { label: "Actions", hidden: true }]}
        >
          {invitations.data.map((invitation) => (
            <InvitationRow key={invitation.id} tenantSlug={tenantSlug} invitation={invitation} />
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

function InvitationRow({ tenantSlug, invitation }: { tenantSlug: string; invitation: Invitation }) {
  const utils = trpc.useUtils();
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = trpc.invitations.revoke.useMutation({
    onMutate: () => setError(null),
    onSuccess: async () => {
      setConfirm(false);
      await utils.invitations.list.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const expired = invitation.state === "expired";
  return (
    <tr data-invitation={invitation.email}>
      <td className="px-4 py-2 font-medium">{invitation.email}</td>
      <td className="px-4 py-2">{roleLabel(invitation.role)}</td>
      <td className="px-4 py-2 text-slate-600">{invitation.invitedBy ?? "—"}</td>
      <td className="px-4 py-2 text-slate-600">{formatDateTime(invitation.createdAt)}</td>
      <td className="px-4 py-2">
        {expired ? (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
            expired {formatDateTime(invitation.expiresAt)}
          </span>
        ) : (
          <span className="text-slate-600">{formatDateTime(invitation.expiresAt)}</span>
        )}
      </td>
      <td className="px-4 py-2 whitespace-nowrap">
        <button
          type="button"
          aria-label={`Revoke the invitation of ${invitation.email}`}
          onClick={() => setConfirm(true)}
          className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50"
        >
          Revoke
        </button>
        {!confirm ? <ErrorAlert error={error} className="mt-1" /> : null}
        {confirm ? (
          <ConfirmDialog
            title={`Revoke the invitation of ${invitation.email}?`}
            confirmLabel="Revoke"
            danger
            pending={revoke.isPending}
            error={error}
            onCancel={() => setConfirm(false)}
            onConfirm={() => revoke.mutate({ tenantSlug, id: invitation.id })}
          >
            <p>The link stops working at once. You can invite the same e-mail again later.</p>
          </ConfirmDialog>
        ) : null}
      </td>
    </tr>
  );
}
