"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { SecondaryButton } from "@/components/secondary-button";
import { SuccessMessage } from "@/components/success-message";
import { errorMessage } from "@/lib/error-message";
import { trpc, type RouterOutputs } from "@/lib/trpc";
import { fieldsNamedIn, QUOTA_FIELDS, type QuotaField } from "./quota-fields";

type Quota = RouterOutputs["platform"]["tenants"]["list"][number]["quota"];
type Draft = Record<QuotaField, string>;

const draftOf = (quota: Quota): Draft => ({
  cpu: quota.cpu,
  memory: quota.memory,
  gpus: String(quota.gpus),
  pods: String(quota.pods),
  maxConcurrentTasks: String(quota.maxConcurrentTasks),
});

/**
 * Edits a tenant's quota. The server checks the values (Kubernetes
 * quantities, no negatives) and its message is shown next to the form, with
 * the fields it names marked.
 */
export function QuotaForm({ tenantId, slug, quota, onClose }: { tenantId: string; slug: string; quota: Quota; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [draft, setDraft] = useState<Draft>(() => draftOf(quota));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const setQuota = trpc.platform.tenants.setQuota.useMutation({
    onMutate: () => {
      setError(null);
      setSaved(false);
    },
    onSuccess: async (next) => {
      setDraft(draftOf(next));
      setSaved(true);
      await utils.platform.tenants.list.invalidate();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const invalid = error ? fieldsNamedIn(error) : new Set<QuotaField>();

  const submit = () => {
    const counts: Partial<Record<QuotaField, number>> = {};
    for (const { field, label, quantity } of QUOTA_FIELDS) {
      if (quantity) continue;
      const text = draft[field].trim();
      if (text === "" || !Number.isFinite(Number(text))) {
        setSaved(false);
        setError(`${label}: enter a whole number, e.g. ${field === "gpus" ? "0" : "20"}`);
        return;
      }
      counts[field] = Number(text);
    }
    setQuota.mutate({
      tenantId,
      quota: {
        cpu: draft.cpu.trim(),
        memory: draft.memory.trim(),
        gpus: counts.gpus!,
        pods: counts.pods!,
        maxConcurrentTasks: counts.maxConcurrentTasks!,
      },
    });
  };

  return (
    <form
      aria-label={`Quota of ${slug}`}
      className="space-y-3 rounded-lg border border-sky-200 bg-sky-50/50 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        {QUOTA_FIELDS.map(({ field, label, hint, quantity }) => (
          <label key={field} className="block text-sm font-medium text-slate-700">
            {label}
            <input
              name={field}
              value={draft[field]}
              inputMode={quantity ? "text" : "numeric"}
              aria-invalid={invalid.has(field) || undefined}
              onChange={(e) => {
                setSaved(false);
                setDraft({ ...draft, [field]: e.target.value });
              }}
              className={`mt-1 block w-32 rounded-md border px-2 py-1.5 font-mono text-sm ${
                invalid.has(field) ? "border-red-500 ring-1 ring-red-400" : "border-slate-300"
              }`}
            />
            <span className="mt-0.5 block text-xs font-normal text-slate-500">{hint}</span>
          </label>
        ))}
      </div>
      <div className="flex items-center gap-2">
        <button
          type="submit"
          disabled={setQuota.isPending}
          className="rounded-md bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {setQuota.isPending ? "Saving…" : "Save quota"}
        </button>
        <SecondaryButton onClick={onClose} compact>
          Close
        </SecondaryButton>
      </div>
      <ErrorAlert error={error} testId="quota-error" />
      {saved ? (
        <SuccessMessage>
          Saved. The tenant&apos;s Kubernetes namespace will be re-provisioned with the new quota, and admission uses it at once.
        </SuccessMessage>
      ) : null}
    </form>
  );
}
