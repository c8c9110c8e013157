"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { errorMessage } from "@/lib/error-message";
import { trpc, type RouterOutputs } from "@/lib/trpc";

type Pool = RouterOutputs["pools"]["list"][number];

/** One pool; admins edit slots and description in place, and can delete it (not default_pool). */
export function PoolRow({ tenantSlug, pool, canEdit }: { tenantSlug: string; pool: Pool; canEdit: boolean }) {
  const utils = trpc.useUtils();
  const [slots, setSlots] = useState(String(pool.slots));
  const [description, setDescription] = useState(pool.description ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Another admin (or this one) changed the pool: take the new values unless this row has unsaved edits.
  const [base, setBase] = useState({ slots: pool.slots, description: pool.description ?? "" });
  if (base.slots !== pool.slots || base.description !== (pool.description ?? "")) {
    const untouched = slots === String(base.slots) && description === base.description;
    setBase({ slots: pool.slots, description: pool.description ?? "" });
    if (untouched) {
      setSlots(String(pool.slots));
      setDescription(pool.description ?? "");
    }
  }
  const upsert = trpc.pools.upsert.useMutation({
    onMutate: () => {
      setError(null);
      setSaved(false);
    },
    onSuccess: async () => {
      setSaved(true);
      await utils.pools.list.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const remove = trpc.pools.delete.useMutation({
    onMutate: () => setError(null),
    onSuccess: async () => {
      setConfirmDelete(false);
      await utils.pools.list.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const changed = slots !== String(pool.slots) || description !== (pool.description ?? "");
  const isDefault = pool.name === "default_pool";

  return (
    <tr data-pool={pool.name} className="align-top">
      <td className="px-4 py-2 font-mono font-medium">
        {pool.name}
        {pool.implicit ? <span className="ml-2 text-xs font-normal text-slate-400">(built in)</span> : null}
      </td>
      <td className="px-4 py-2">
        {canEdit ? (
          <input
            type="number"
            min={0}
            max={100000}
            aria-label={`Slots of ${pool.name}`}
            value={slots}
            onChange={(e) => setSlots(e.target.value)}
            className="w-24 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        ) : (
          <span data-testid="pool-slots">{pool.slots}</span>
        )}
      </td>
      <td className="px-4 py-2" data-testid="pool-running">
        {pool.running}
      </td>
      <td className="px-4 py-2">{pool.queued}</td>
      <td className="px-4 py-2">{pool.scheduled}</td>
      <td className="px-4 py-2 text-slate-600">
        {canEdit ? (
          <input
            aria-label={`Description of ${pool.name}`}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="What the pool protects"
            className="w-full min-w-48 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        ) : (
          (pool.description ?? "")
        )}
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </td>
      {canEdit ? (
        <td className="px-4 py-2 whitespace-nowrap">
          <button
            type="button"
            disabled={!changed || upsert.isPending}
            onClick={() => {
              const n = Number(slots);
              if (slots.trim() === "" || !Number.isInteger(n)) {
                setError("Slots must be a whole number, e.g. 4.");
                return;
              }
              upsert.mutate({ tenantSlug, name: pool.name, slots: n, description });
            }}
            className="rounded-md bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-40"
          >
            {upsert.isPending ? "Saving…" : "Save"}
          </button>
          {saved && !changed ? (
            <span role="status" className="ml-2 text-xs text-green-700">
              Saved
            </span>
          ) : null}
          {!isDefault && !pool.implicit ? (
            <button
              type="button"
              onClick={() => setConfirmDelete(true)}
              className="ml-2 rounded-md border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50"
            >
              Delete
            </button>
          ) : null}
          {confirmDelete ? (
            <ConfirmDialog
              title={`Delete pool ${pool.name}?`}
              confirmLabel="Delete"
              danger
              pending={remove.isPending}
              error={error}
              onCancel={() => setConfirmDelete(false)}
              onConfirm={() => remove.mutate({ tenantSlug, name: pool.name })}
            >
              <p>Tasks that name this pool will wait until it exists again.</p>
            </ConfirmDialog>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
