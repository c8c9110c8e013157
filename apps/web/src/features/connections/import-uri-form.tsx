"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { FormCard } from "@/components/form-card";
import { SubmitButton } from "@/components/submit-button";
import { SuccessMessage } from "@/components/success-message";
import { TextField } from "@/components/text-field";
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
    <FormCard
      headingId="import-uri-heading"
      heading="Paste an Airflow URI"
      className="self-start"
      onSubmit={() => importUri.mutate({ tenantSlug, connId: connId.trim(), uri: uri.trim() })}
    >
      <TextField
        label="Conn id"
        value={connId}
        onValueChange={setConnId}
        required
        placeholder="warehouse"
        autoComplete="off"
        inputClassName="w-full font-mono"
      />
      <TextField
        label="Connection URI"
        type="password"
        value={uri}
        onValueChange={setUri}
        required
        placeholder="postgres://user:p%40ss@db.internal:5432/analytics?sslmode=require"
        autoComplete="off"
        spellCheck={false}
        inputClassName="w-full font-mono"
      />
      <p className="text-xs text-slate-500">
        As in <span className="font-mono">AIRFLOW_CONN_*</span>: percent-encode special characters; query parameters (and an{" "}
        <span className="font-mono">__extra__</span> JSON parameter) become extra. The URI is hidden while you type because it may
        hold a password.
        {canSetPassword ? "" : " A URI with a password needs the Admin role: leave the password out and ask a tenant admin to set it."}
      </p>
      <ErrorAlert error={error} />
      {created ? <SuccessMessage>{created}</SuccessMessage> : null}
      <SubmitButton pending={importUri.isPending} pendingLabel="Importing…" disabled={connId.trim() === "" || uri.trim() === ""}>
        Import URI
      </SubmitButton>
    </FormCard>
  );
}
