"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { SecretReveal } from "@/components/secret-reveal";
import { errorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format-time";
import { roleLabel, rolesUpTo, type TenantRole } from "@/lib/roles";
import { trpc, type RouterOutputs } from "@/lib/trpc";
import { expiryDaysProblem } from "./expiry-days";

type Created = RouterOutputs["tokens"]["create"];

/** "New API token": name, role (at most mine) and lifetime; the token is shown once. */
export function CreateTokenForm({ tenantSlug, myRole }: { tenantSlug: string; myRole: string }) {
  const utils = trpc.useUtils();
  const roles = rolesUpTo(myRole);
  const [name, setName] = useState("");
  const [role, setRole] = useState<TenantRole>(roles.includes("AUTHOR") ? "AUTHOR" : (roles[roles.length - 1] ?? "VIEWER"));
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
    <form
      aria-labelledby="new-token-heading"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = expiryDaysProblem(days);
        if (problem) {
          setError(problem);
          return;
        }
        create.mutate({ tenantSlug, name: name.trim(), role, expiresInDays: Number(days.trim()) });
      }}
    >
      <h2 id="new-token-heading" className="text-lg font-semibold">
        New API token
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="block min-w-56 flex-1 text-sm font-medium text-slate-700">
          Token name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="ci-deploy"
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
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Expires after (days)
          <input
            type="number"
            min={1}
            max={365}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            className="mt-1 block w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <button
          type="submit"
          disabled={create.isPending || name.trim() === ""}
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {create.isPending ? "Creating…" : "Create token"}
        </button>
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
    </form>
  );
}
