"use client";

import { Fragment, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { errorMessage } from "@/lib/error-message";
import { formatRelativeTime } from "@/lib/format-relative-time";
import { formatDateTime } from "@/lib/format-time";
import { trpc, type RouterOutputs } from "@/lib/trpc";
import { ReplaceSecretForm } from "./replace-secret-form";

type Secret = RouterOutputs["secrets"]["list"][number];

/** One secret: its name and dates (never its value); Admins replace the value or delete it. */
export function SecretRow({
  tenantSlug,
  secret,
  canEdit,
  onNotice,
}: {
  tenantSlug: string;
  secret: Secret;
  canEdit: boolean;
  onNotice: (message: string) => void;
}) {
  const utils = trpc.useUtils();
  const [replacing, setReplacing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = trpc.secrets.delete.useMutation({
    onMutate: () => setError(null),
    onSuccess: async () => {
      setConfirmDelete(false);
      onNotice(`Deleted ${secret.name}.`);
      await utils.secrets.list.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <Fragment>
      <tr data-secret={secret.name} className={replacing ? "bg-sky-50" : undefined}>
        <td className="px-4 py-2 font-mono font-medium">{secret.name}</td>
        <td className="px-4 py-2 font-mono text-xs text-slate-600">{secret.envName}</td>
        <td className="px-4 py-2">
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
            value set
          </span>
        </td>
        <td className="px-4 py-2 text-slate-600" title={formatDateTime(secret.updatedAt)}>
          {formatRelativeTime(secret.updatedAt)}
        </td>
        <td className="px-4 py-2 text-slate-600">{secret.description ?? ""}</td>
        {canEdit ? (
          <td className="px-4 py-2 whitespace-nowrap">
            <button
              type="button"
              aria-label={`Replace the value of ${secret.name}`}
              aria-expanded={replacing}
              onClick={() => setReplacing(!replacing)}
              className="rounded-md bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800"
            >
              Replace value
            </button>
            <button
              type="button"
              aria-label={`Delete ${secret.name}`}
              onClick={() => setConfirmDelete(true)}
              className="ml-2 rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50"
            >
              Delete
            </button>
            {confirmDelete ? (
              <ConfirmDialog
                title={`Delete secret ${secret.name}?`}
                confirmLabel="Delete"
                danger
                pending={remove.isPending}
                error={error}
                onCancel={() => setConfirmDelete(false)}
                onConfirm={() => remove.mutate({ tenantSlug, name: secret.name })}
              >
                <p>
                  Tasks that list <span className="font-mono">{secret.name}</span> will fail at launch until it exists again. The
                  value cannot be recovered.
                </p>
              </ConfirmDialog>
            ) : null}
          </td>
        ) : null}
      </tr>
      {replacing ? (
        <tr className="bg-sky-50">
          <td colSpan={6} className="px-4 pb-3">
            <ReplaceSecretForm
              tenantSlug={tenantSlug}
              name={secret.name}
              onDone={(message) => {
                setReplacing(false);
                if (message) onNotice(message);
              }}
            />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
