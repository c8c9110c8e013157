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
import { defaultRoleAmong, roleLabel, rolesUpTo, type TenantRole } from "@/lib/roles";
import { trpc, type RouterOutputs } from "@/lib/trpc";
import { expiryDaysProblem } from "./expiry-days";

type Created = RouterOutputs["tokens"]["create"];

/** "New API token": name, role (at most mine) and lifetime; the token is shown once. */
export function CreateTokenForm({ tenantSlug, myRole }: { tenantSlug: string; myRole: string }) {
  const utils = trpc.useUtils();
  const roles = rolesUpTo(myRole);
  const [name, setName] = useState("");
  const [role, setRole] = useState<TenantRole>(defaultRoleAmong(roles));
  const [days, setDays] = useState("90");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const create = trpc.tokens.create.useMutation({
    onMutate: () => {
      setError(null);
      setCreated(null);
    },
    onSuccess: async (result) => {
      setCreated(result);
      setName("");
      await utils.tokens.list.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <FormCard
      headingId="new-token-heading"
      heading="New API token"
      onSubmit={() => {
        const problem = expiryDaysProblem(days);
        if (problem) {
          setError(problem);
          return;
        }
        create.mutate({ tenantSlug, name: name.trim(), role, expiresInDays: Number(days.trim()) });
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Token name"
          className="min-w-56 flex-1"
          value={name}
          onValueChange={setName}
          placeholder="ci-deploy"
          required
          autoComplete="off"
        />
        <RoleSelect roles={roles} value={role} onChange={setRole} />
        <TextField
          label="Expires after (days)"
          type="number"
          min={1}
          max={365}
          value={days}
          onValueChange={setDays}
          inputClassName="w-28"
        />
        <SubmitButton pending={create.isPending} pendingLabel="Creating…" disabled={name.trim() === ""}>
          Create token
        </SubmitButton>
      </div>
      <p className="text-xs text-slate-500">
        A token&apos;s role is at most yours ({roleLabel(myRole)}). Deploying DAGs needs Author. Tokens last 1 to 365 days.
      </p>
      <ErrorAlert error={error} />
      {created ? (
        <SecretReveal label={`API token ${created.apiToken.name}`} value={created.token} testId="new-api-token">
          <p className="font-semibold">Copy it now: this is the only time the token is shown. Updraft stores only its hash.</p>
          <p className="mt-1">
            Role {roleLabel(created.apiToken.role)}; expires {formatDateTime(created.apiToken.expiresAt)}. Keep it in your CI&apos;s
            secret store (e.g. as <span className="font-mono">UPDRAFT_TOKEN</span>); anyone with it can act in this tenant with its
            role.
          </p>
        </SecretReveal>
      ) : null}
    </FormCard>
  );
}
