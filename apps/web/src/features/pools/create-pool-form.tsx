"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";

/** "New pool": name, slots and an optional description. */
export function CreatePoolForm({ tenantSlug }: { tenantSlug: string }) {
  const utils = trpc.useUtils();
  const [name, setName] = useState("");
  const [slots, setSlots] = useState("1");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const upsert = trpc.pools.upsert.useMutation({
    onMutate: () => {
      setError(null);
      setCreated(null);
    },
    onSuccess: async (pool) => {
      setCreated(pool.name);
      setName("");
      setSlots("1");
      setDescription("");
      await utils.pools.list.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const existing = utils.pools.list.getData({ tenantSlug });

  return (
    <form
      aria-labelledby="new-pool-heading"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(slots);
        if (slots.trim() === "" || !Number.isInteger(n)) {
          setError("Slots must be a whole number, e.g. 4.");
          return;
        }
        if (existing?.some((p) => p.name === name.trim())) {
          setError(`A pool named ${name.trim()} exists already; edit its slots in the table.`);
          return;
        }
        upsert.mutate({ tenantSlug, name: name.trim(), slots: n, description: description.trim() || undefined });
      }}
    >
      <h2 id="new-pool-heading" className="text-lg font-semibold">
        New pool
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="block text-sm font-medium text-slate-700">
          Pool name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="gpu"
            required
            className="mt-1 block w-48 rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm"
          />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Slots
          <input
            type="number"
            min={0}
            max={100000}
            value={slots}
            onChange={(e) => setSlots(e.target.value)}
            className="mt-1 block w-24 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <label className="block min-w-64 flex-1 text-sm font-medium text-slate-700">
          Description
          <input
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="Optional: what the pool protects"
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <button
          type="submit"
          disabled={upsert.isPending || name.trim() === ""}
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {upsert.isPending ? "Creating…" : "Create pool"}
        </button>
      </div>
      <p className="text-xs text-slate-500">Names: a-z, 0-9, _, . and -, up to 100 characters.</p>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {created ? (
        <p role="status" className="text-sm text-green-800">
          Created pool {created}.
        </p>
      ) : null}
    </form>
  );
}
