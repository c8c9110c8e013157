"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
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
      <label className="block min-w-64 flex-1 text-sm font-medium text-slate-700">
        New value of <span className="font-mono">{name}</span>
        <input
          type="password"
          autoFocus
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="new-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        />
      </label>
      <button
        type="submit"
        disabled={set.isPending || value === ""}
        className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {set.isPending ? "Saving…" : "Save value"}
      </button>
      <button type="button" onClick={() => onDone(null)} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50">
        Cancel
      </button>
      <ErrorAlert error={error} className="w-full" />
    </form>
  );
}
