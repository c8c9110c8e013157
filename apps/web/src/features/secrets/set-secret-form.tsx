"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { FormCard } from "@/components/form-card";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";

/** "New secret": a name, a value (write-only) and an optional description. */
export function SetSecretForm({ tenantSlug, existing, onSaved }: { tenantSlug: string; existing: string[]; onSaved: (message: string) => void }) {
  const utils = trpc.useUtils();
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | null>(null);
  const exists = existing.includes(name.trim());
  const set = trpc.secrets.set.useMutation({
    onMutate: () => setError(null),
    onSuccess: async (secret) => {
      onSaved(`${exists ? "Replaced the value of" : "Created"} ${secret.name}; tasks get it as ${secret.envName}.`);
      setName("");
      setValue("");
      setDescription("");
      await utils.secrets.list.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <FormCard
      headingId="new-secret-heading"
      heading="New secret"
      onSubmit={() => set.mutate({ tenantSlug, name: name.trim(), value, description: description.trim() || undefined })}
    >
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Name"
          value={name}
          onValueChange={setName}
          placeholder="api_token"
          required
          autoComplete="off"
          inputClassName="w-56 font-mono"
        />
        <TextField
          label="Value"
          className="min-w-56 flex-1"
          type="password"
          value={value}
          onValueChange={setValue}
          required
          autoComplete="new-password"
        />
        <TextField
          label="Description"
          className="min-w-56 flex-1"
          value={description}
          onValueChange={setDescription}
          placeholder="Optional: what it unlocks"
        />
        <SubmitButton pending={set.isPending} pendingLabel="Saving…" disabled={name.trim() === "" || value === ""}>
          {exists ? "Replace value" : "Create secret"}
        </SubmitButton>
      </div>
      <p className="text-xs text-slate-500">
        Names: a-z, 0-9 and _, up to 200 characters. The value is never shown again.
        {exists ? (
          <span className="font-medium text-amber-800"> A secret named {name.trim()} exists: saving replaces its value.</span>
        ) : null}
      </p>
      <ErrorAlert error={error} />
    </FormCard>
  );
}
