"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { SecretReveal } from "@/components/secret-reveal";
import { errorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format-time";
import { roleLabel, type TenantRole } from "@/lib/roles";
import { trpc, type RouterOutputs } from "@/lib/trpc";

type Created = RouterOutputs["invitations"]["create"];

/** "Invite someone": e-mail and role. The link is shown once to copy (and e-mailed when SMTP is configured). */
export function InviteForm({ tenantSlug, grantable }: { tenantSlug: string; grantable: TenantRole[] }) {
  const utils = trpc.useUtils();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TenantRole>(grantable.includes("AUTHOR") ? "AUTHOR" : (grantable[grantable.length - 1] ?? "VIEWER"));
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const invite = trpc.invitations.create.useMutation({
    onMutate: () => {
      setError(null);
      setCreated(null);
    },
    onSuccess: async (result) => {
      setCreated(result);
      setEmail("");
      await utils.invitations.list.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <form
      aria-labelledby="invite-heading"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        invite.mutate({ tenantSlug, email: email.trim(), role });
      }}
    >
      <h2 id="invite-heading" className="text-lg font-semibold">
        Invite someone
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="block min-w-64 flex-1 text-sm font-medium text-slate-700">
          E-mail
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="ada@example.com"
            required
            autoComplete="off"
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Role
          <select
            value={role}
            onChange={(e) => setRole(e.target.value as TenantRole)}
            className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            {grantable.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={invite.isPending || email.trim() === ""}
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {invite.isPending ? "Inviting…" : "Invite"}
        </button>
      </div>
      <p className="text-xs text-slate-500">
        The invitation link works for 7 days, once. Inviting the same e-mail again replaces its pending invitation.
        {grantable.includes("OWNER") ? null : " Only owners can invite owners."}
      </p>
      <ErrorAlert error={error} />
      {created ? <InvitationCreated created={created} /> : null}
    </form>
  );
}

function InvitationCreated({ created }: { created: Created }) {
  const { invitation } = created;
  const label = `Invitation link for ${invitation.email}`;
  return (
    <SecretReveal label={label} value={created.link} testId="invitation-link">
      {created.emailSent ? (
        <p>
          E-mailed to {invitation.email}. You can also send the link yourself; it is shown only now.
        </p>
      ) : created.emailError ? (
        <p>{created.emailError}</p>
      ) : (
        <p>
          No e-mail server is configured (SMTP_URL and SMTP_FROM), so nothing was sent: copy the link and send it to{" "}
          {invitation.email} yourself. It is shown only now.
        </p>
      )}
      <p className="mt-1">
        They join as {roleLabel(invitation.role)}; the link expires {formatDateTime(invitation.expiresAt)}.
      </p>
    </SecretReveal>
  );
}
