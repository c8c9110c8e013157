"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { SecondaryButton } from "@/components/secondary-button";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";

/** A new value for an existing secret (write-only: the old one is never shown). */
export function ReplaceSecretForm({
  tenantSlug,
  name,
  onDone,
}: {
  tenantSlug: string;
  name: string;
  onDone: (message: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const set = trpc.secrets.set.useMutation({
    onMutate: () => setError(null),
    onSuccess: async () => {
      setValue("");
      await utils.secrets.list.invalidate({ tenantSlug });
      onDone(`Replaced the value of ${name}.`);
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <form
      aria-label={`New value of ${name}`}
      className="flex flex-wrap items-end gap-3 pt-2"
      onSubmit={(e) => {
        e.preventDefault();
        // The description is left as it is (undefined keeps it).
        set.mutate({ tenantSlug, name, value });
      }}
    >
      <TextField
        label={
          <>
            New value of <span className="font-mono">{name}</span>
          </>
        }
        className="min-w-64 flex-1"
        type="password"
        autoFocus
        value={value}
        onValueChange={setValue}
        autoComplete="new-password"
        required
        inputClassName="w-full bg-white"
      />
      <SubmitButton pending={set.isPending} pendingLabel="Saving…" disabled={value === ""}>
        Save value
      </SubmitButton>
      <SecondaryButton onClick={() => onDone(null)} className="bg-white">
        Cancel
      </SecondaryButton>
      <ErrorAlert error={error} className="w-full" />
    </form>
  );
}
