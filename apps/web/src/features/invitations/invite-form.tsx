"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { FormCard } from "@/components/form-card";
import { RoleSelect } from "@/components/role-select";
import { SecretReveal } from "@/components/secret-reveal";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { errorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format-time";
import { defaultRoleAmong, roleLabel, type TenantRole } from "@/lib/roles";
import { trpc, type RouterOutputs } from "@/lib/trpc";

type Created = RouterOutputs["invitations"]["create"];

/** "Invite someone": e-mail and role. The link is shown once to copy (and e-mailed when SMTP is configured). */
export function InviteForm({ tenantSlug, grantable }: { tenantSlug: string; grantable: TenantRole[] }) {
  const utils = trpc.useUtils();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TenantRole>(defaultRoleAmong(grantable));
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
    <FormCard headingId="invite-heading" heading="Invite someone" onSubmit={() => invite.mutate({ tenantSlug, email: email.trim(), role })}>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="E-mail"
          className="min-w-64 flex-1"
          type="email"
          value={email}
          onValueChange={setEmail}
          placeholder="ada@example.com"
          required
          autoComplete="off"
        />
        <RoleSelect roles={grantable} value={role} onChange={setRole} />
        <SubmitButton pending={invite.isPending} pendingLabel="Inviting…" disabled={email.trim() === ""}>
          Invite
        </SubmitButton>
      </div>
      <p className="text-xs text-slate-500">
        The invitation link works for 7 days, once. Inviting the same e-mail again replaces its pending invitation.
        {grantable.includes("OWNER") ? null : " Only owners can invite owners."}
      </p>
      <ErrorAlert error={error} />
      {created ? <InvitationCreated created={created} /> : null}
    </FormCard>
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
