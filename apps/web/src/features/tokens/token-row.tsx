"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { errorMessage } from "@/lib/error-message";
import { formatRelativeTime } from "@/lib/format-relative-time";
import { formatDateTime } from "@/lib/format-time";
import { roleLabel } from "@/lib/roles";
import { trpc, type RouterOutputs } from "@/lib/trpc";

type Token = RouterOutputs["tokens"]["list"][number];

const STATUS_STYLE: Record<Token["state"], string> = {
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  expired: "bg-amber-50 text-amber-900 ring-amber-200",
  revoked: "bg-slate-100 text-slate-600 ring-slate-200",
};

/** One token: name, prefix (never the token), role, creator, expiry, last use, status; Revoke for active ones. */
export function TokenRow({ tenantSlug, token }: { tenantSlug: string; token: Token }) {
  const utils = trpc.useUtils();
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = trpc.tokens.revoke.useMutation({
    onMutate: () => setError(null),
    onSuccess: async () => {
      setConfirm(false);
      await utils.tokens.list.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const status =
    token.state === "revoked" && token.revokedAt
      ? `revoked ${formatDateTime(token.revokedAt)}`
      : token.state === "expired"
        ? "expired"
        : "active";

  return (
    <tr data-token={token.name} className={token.state === "active" ? undefined : "text-slate-500"}>
      <td className="px-4 py-2 font-medium">{token.name}</td>
      <td className="px-4 py-2 font-mono text-xs">{token.prefix}…</td>
      <td className="px-4 py-2">{roleLabel(token.role)}</td>
      <td className="px-4 py-2">{token.createdBy ?? <span className="text-slate-400">(deleted user)</span>}</td>
      <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(token.expiresAt)}</td>
      <td className="px-4 py-2 whitespace-nowrap" title={token.lastUsedAt ? formatDateTime(token.lastUsedAt) : undefined}>
        {token.lastUsedAt ? formatRelativeTime(token.lastUsedAt) : <span className="text-slate-400">never</span>}
      </td>
      <td className="px-4 py-2 whitespace-nowrap">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATUS_STYLE[token.state]}`} data-testid="token-status">
          {status}
        </span>
      </td>
      <td className="px-4 py-2 whitespace-nowrap">
        {token.state === "active" ? (
          <button
            type="button"
            aria-label={`Revoke ${token.name}`}
            onClick={() => setConfirm(true)}
            className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50"
          >
            Revoke
          </button>
        ) : null}
        {confirm ? (
          <ConfirmDialog
            title={`Revoke token ${token.name}?`}
            confirmLabel="Revoke"
            danger
            pending={revoke.isPending}
            error={error}
            onCancel={() => setConfirm(false)}
            onConfirm={() => revoke.mutate({ tenantSlug, id: token.id })}
          >
            <p>
              Requests with <span className="font-mono">{token.prefix}…</span> are refused from now on; CI jobs using it will fail
              until they get a new token. This cannot be undone.
            </p>
          </ConfirmDialog>
        ) : null}
      </td>
    </tr>
  );
}
