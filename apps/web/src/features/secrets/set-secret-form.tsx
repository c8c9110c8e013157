"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
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
    <form
      aria-labelledby="new-secret-heading"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        set.mutate({ tenantSlug, name: name.trim(), value, description: description.trim() || undefined });
      }}
    >
      <h2 id="new-secret-heading" className="text-lg font-semibold">
        New secret
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="block text-sm font-medium text-slate-700">
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="api_token"
            required
            autoComplete="off"
            className="mt-1 block w-56 rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm"
          />
        </label>
        <label className="block min-w-56 flex-1 text-sm font-medium text-slate-700">
          Value
          <input
            type="password"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required
            autoComplete="new-password"
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <label className="block min-w-56 flex-1 text-sm font-medium text-slate-700">
          Description
          <input
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="Optional: what it unlocks"
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <button
          type="submit"
          disabled={set.isPending || name.trim() === "" || value === ""}
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {set.isPending ? "Saving…" : exists ? "Replace value" : "Create secret"}
        </button>
      </div>
      <p className="text-xs text-slate-500">
        Names: a-z, 0-9 and _, up to 200 characters. The value is never shown again.
        {exists ? (
          <span className="font-medium text-amber-800"> A secret named {name.trim()} exists: saving replaces its value.</span>
        ) : null}
      </p>
      <ErrorAlert error={error} />
    </form>
  );
}
