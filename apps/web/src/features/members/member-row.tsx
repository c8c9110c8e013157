"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { errorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format-time";
import { roleAtLeast, roleLabel, type TenantRole } from "@/lib/roles";
import { trpc, type RouterOutputs } from "@/lib/trpc";

type Member = RouterOutputs["members"]["list"][number];

/**
 * One member. Admins change the role of and remove anyone but owners; only
 * owners touch owners (the server also keeps the last owner).
 */
export function MemberRow({
  tenantSlug,
  member,
  isMe,
  myRole,
  grantable,
}: {
  tenantSlug: string;
  member: Member;
  isMe: boolean;
  myRole: string | undefined;
  grantable: TenantRole[];
}) {
  const utils = trpc.useUtils();
  const router = useRouter();
  const [role, setRole] = useState<string>(member.role);
  const [base, setBase] = useState<string>(member.role);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  // The role changed on the server (this admin or another): show it unless this row has an unsaved choice.
  if (base !== member.role) {
    if (role === base) setRole(member.role);
    setBase(member.role);
  }
  const refresh = () => Promise.all([utils.members.list.invalidate({ tenantSlug }), utils.tenants.mine.invalidate()]);
  const changeRole = trpc.members.changeRole.useMutation({
    onMutate: () => {
      setError(null);
      setSaved(null);
    },
    onSuccess: async (change) => {
      setSaved(
        change.tokensRevoked > 0
          ? `Saved; ${change.tokensRevoked} of their API tokens with a stronger role were revoked.`
          : "Saved",
      );
      await refresh();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const remove = trpc.members.remove.useMutation({
    onMutate: () => setError(null),
    onSuccess: async () => {
      setConfirmRemove(false);
      if (isMe) {
        await utils.tenants.mine.invalidate();
        router.push("/t");
        return;
      }
      await refresh();
    },
    onError: (e) => setError(errorMessage(e)),
  });

  const canManage = roleAtLeast(myRole, "ADMIN");
  const ownersOnly = member.role === "OWNER" && myRole !== "OWNER";
  const editable = canManage && !ownersOnly;
  const changed = role !== member.role;

  return (
    <tr data-member={member.email} className="align-top">
      <td className="px-4 py-2 font-medium">
        {member.email}
        {isMe ? <span className="ml-2 text-xs font-normal text-slate-400">(you)</span> : null}
      </td>
      <td className="px-4 py-2 text-slate-700">{member.name ?? <span className="text-slate-400">—</span>}</td>
      <td className="px-4 py-2">
        {editable ? (
          <select
            aria-label={`Role of ${member.email}`}
            value={role}
            onChange={(e) => {
              setRole(e.target.value);
              setSaved(null);
            }}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          >
            {grantable.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        ) : (
          <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700" data-testid="member-role">
            {roleLabel(member.role)}
          </span>
        )}
        {canManage && ownersOnly ? <p className="mt-1 text-xs text-slate-500">Only owners change or remove an owner.</p> : null}
        {error ? (
          <p role="alert" className="mt-1 max-w-sm text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </td>
      <td className="px-4 py-2 text-slate-600">{formatDateTime(member.joinedAt)}</td>
      {canManage ? (
        <td className="px-4 py-2 whitespace-nowrap">
          {editable ? (
            <>
              <button
                type="button"
                disabled={!changed || changeRole.isPending}
                onClick={() => changeRole.mutate({ tenantSlug, userId: member.userId, role: role as TenantRole })}
                className="rounded-md bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-40"
              >
                {changeRole.isPending ? "Saving…" : "Save role"}
              </button>
              {saved && !changed ? (
                <span role="status" className="ml-2 text-xs text-green-700">
                  {saved}
                </span>
              ) : null}
              <button
                type="button"
                aria-label={`Remove ${member.email}`}
                onClick={() => setConfirmRemove(true)}
                className="ml-2 rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50"
              >
                {isMe ? "Leave" : "Remove"}
              </button>
            </>
          ) : null}
          {confirmRemove ? (
            <ConfirmDialog
              title={isMe ? "Leave this tenant?" : `Remove ${member.email}?`}
              confirmLabel={isMe ? "Leave" : "Remove"}
              danger
              pending={remove.isPending}
              error={error}
              onCancel={() => setConfirmRemove(false)}
              onConfirm={() => remove.mutate({ tenantSlug, userId: member.userId })}
            >
              <p>
                {isMe ? "You" : member.email} will lose access to this tenant at once, and {isMe ? "your" : "their"} API tokens
                of this tenant are revoked. The account itself stays; an admin can invite {isMe ? "you" : "them"} again.
              </p>
            </ConfirmDialog>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
