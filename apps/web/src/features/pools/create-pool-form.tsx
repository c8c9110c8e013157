"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { FormCard } from "@/components/form-card";
import { SubmitButton } from "@/components/submit-button";
import { SuccessMessage } from "@/components/success-message";
import { TextField } from "@/components/text-field";
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
    <FormCard
      headingId="new-pool-heading"
      heading="New pool"
      onSubmit={() => {
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
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Pool name"
          value={name}
          onValueChange={setName}
          placeholder="gpu"
          required
          inputClassName="w-48 font-mono"
        />
        <TextField
          label="Slots"
          type="number"
          min={0}
          max={100000}
          value={slots}
          onValueChange={setSlots}
          inputClassName="w-24"
        />
        <TextField
          label="Description"
          className="min-w-64 flex-1"
          value={description}
          onValueChange={setDescription}
          placeholder="Optional: what the pool protects"
        />
        <SubmitButton pending={upsert.isPending} pendingLabel="Creating…" disabled={name.trim() === ""}>
          Create pool
        </SubmitButton>
      </div>
      <p className="text-xs text-slate-500">Names: a-z, 0-9, _, . and -, up to 100 characters.</p>
      <ErrorAlert error={error} />
      {created ? <SuccessMessage>Created pool {created}.</SuccessMessage> : null}
    </FormCard>
  );
}
