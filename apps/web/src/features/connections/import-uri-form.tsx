"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";

/** "Paste an Airflow URI": creates a connection from postgres://user:p%40ss@host:5432/db?sslmode=require. */
export function ImportUriForm({ tenantSlug, canSetPassword }: { tenantSlug: string; canSetPassword: boolean }) {
  const utils = trpc.useUtils();
  const [connId, setConnId] = useState("");
  const [uri, setUri] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const importUri = trpc.connections.importUri.useMutation({
    onMutate: () => {
      setError(null);
      setCreated(null);
    },
    onSuccess: async (connection) => {
      setCreated(`Created ${connection.connId} from the URI${connection.hasPassword ? " (password set)" : ""}.`);
      setConnId("");
      setUri("");
      await utils.connections.list.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <form
      aria-labelledby="import-uri-heading"
      className="space-y-3 self-start rounded-xl border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        importUri.mutate({ tenantSlug, connId: connId.trim(), uri: uri.trim() });
      }}
    >
      <h2 id="import-uri-heading" className="text-lg font-semibold">
        Paste an Airflow URI
      </h2>
      <label className="block text-sm font-medium text-slate-700">
        Conn id
        <input
          value={connId}
          onChange={(e) => setConnId(e.target.value)}
          required
          placeholder="warehouse"
          autoComplete="off"
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm"
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Connection URI
        <input
          type="password"
          value={uri}
          onChange={(e) => setUri(e.target.value)}
          required
          placeholder="postgres://user:p%40ss@db.internal:5432/analytics?sslmode=require"
          autoComplete="off"
          spellCheck={false}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm"
        />
      </label>
      <p className="text-xs text-slate-500">
        As in <span className="font-mono">AIRFLOW_CONN_*</span>: percent-encode special characters; query parameters (and an{" "}
        <span className="font-mono">__extra__</span> JSON parameter) become extra. The URI is hidden while you type because it may
        hold a password.
        {canSetPassword ? "" : " A URI with a password needs the Admin role: leave the password out and ask a tenant admin to set it."}
      </p>
      <ErrorAlert error={error} />
      {created ? (
        <p role="status" className="text-sm text-green-800">
          {created}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={importUri.isPending || connId.trim() === "" || uri.trim() === ""}
        className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {importUri.isPending ? "Importing…" : "Import URI"}
      </button>
    </form>
  );
}
