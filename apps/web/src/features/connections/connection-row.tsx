"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { CopyButton } from "@/components/copy-button";
import { errorMessage } from "@/lib/error-message";
import { formatRelativeTime } from "@/lib/format-relative-time";
import { formatDateTime } from "@/lib/format-time";
import { trpc, type RouterOutputs } from "@/lib/trpc";

type Connection = RouterOutputs["connections"]["list"][number];

const none = <span className="text-slate-300">—</span>;

/** One connection: its fields, whether a password is set (never the password), and Edit / Copy URI / Delete. */
export function ConnectionRow({
  tenantSlug,
  connection,
  canEdit,
  canSetPassword,
  editing,
  onEdit,
  onDeleted,
}: {
  tenantSlug: string;
  connection: Connection;
  canEdit: boolean;
  canSetPassword: boolean;
  editing: boolean;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const utils = trpc.useUtils();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = trpc.connections.delete.useMutation({
    onMutate: () => setError(null),
    onSuccess: async () => {
      setConfirmDelete(false);
      onDeleted();
      await utils.connections.list.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const deleteNeedsAdmin = connection.hasPassword && !canSetPassword;

  return (
    <tr data-conn-id={connection.connId} className={`align-top ${editing ? "bg-sky-50" : ""}`}>
      <td className="px-3 py-2">
        <span className="font-mono font-medium">{connection.connId}</span>
        <span className="block font-mono text-[11px] text-slate-400" title="Environment variables tasks get the URI in">
          {connection.envNames[0]}
        </span>
      </td>
      <td className="px-3 py-2 font-mono text-xs">{connection.connType}</td>
      <td className="px-3 py-2 break-all">{connection.host ?? none}</td>
      <td className="px-3 py-2">{connection.port ?? none}</td>
      <td className="px-3 py-2">{connection.login ?? none}</td>
      <td className="px-3 py-2">{connection.schema ?? none}</td>
      <td className="px-3 py-2 whitespace-nowrap" data-testid="connection-password">
        {connection.hasPassword ? (
          <>
            <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
              password set
            </span>
            {connection.passwordUpdatedAt ? (
              <span className="mt-0.5 block text-xs text-slate-500" title={formatDateTime(connection.passwordUpdatedAt)}>
                updated {formatRelativeTime(connection.passwordUpdatedAt)}
              </span>
            ) : null}
          </>
        ) : (
          <span className="text-xs text-slate-400">no password</span>
        )}
      </td>
      <td className="px-3 py-2 text-slate-600">{connection.description ?? ""}</td>
      <td className="px-3 py-2 whitespace-nowrap">
        <div className="flex gap-2">
          {canEdit ? (
            <button
              type="button"
              aria-label={`Edit ${connection.connId}`}
              onClick={onEdit}
              className="rounded-md bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800"
            >
              Edit
            </button>
          ) : null}
          <CopyButton text={connection.uri} label="Copy URI" />
          {canEdit ? (
            <button
              type="button"
              aria-label={`Delete ${connection.connId}`}
              disabled={deleteNeedsAdmin}
              title={deleteNeedsAdmin ? "Deleting a connection that has a password needs the Admin role; ask a tenant admin." : undefined}
              onClick={() => setConfirmDelete(true)}
              className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-40"
            >
              Delete
            </button>
          ) : null}
        </div>
        <span className="mt-1 block max-w-xs truncate font-mono text-[11px] text-slate-400" title={connection.uri} data-testid="connection-uri">
          {connection.uri}
        </span>
        {deleteNeedsAdmin ? <span className="block text-[11px] text-slate-400">Delete: needs Admin (has a password)</span> : null}
        {confirmDelete ? (
          <ConfirmDialog
            title={`Delete connection ${connection.connId}?`}
            confirmLabel="Delete"
            danger
            pending={remove.isPending}
            error={error}
            onCancel={() => setConfirmDelete(false)}
            onConfirm={() => remove.mutate({ tenantSlug, connId: connection.connId })}
          >
            <p>
              Tasks that list <span className="font-mono">{connection.connId}</span> will fail at launch until it exists again.
              {connection.hasPassword ? " Its password is deleted with it." : ""}
            </p>
          </ConfirmDialog>
        ) : null}
      </td>
    </tr>
  );
}
