"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DropdownButton } from "@/components/dropdown-button";
import { ErrorAlert } from "@/components/error-alert";
import { PopoverForm } from "@/components/popover-form";
import { SecondaryButton } from "@/components/secondary-button";
import { SubmitButton } from "@/components/submit-button";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";
import { parseParamsJson } from "./parse-params-json";

/** "Trigger" button that opens a params form and, on success, goes to the new run. */
export function TriggerButton({ tenantSlug, dagId, params }: { tenantSlug: string; dagId: string; params: Record<string, unknown> }) {
  return (
    <DropdownButton
      label="Trigger"
      className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white shadow-sm hover:bg-sky-800"
      panel={(close) => <TriggerForm tenantSlug={tenantSlug} dagId={dagId} params={params} onCancel={close} />}
    />
  );
}

function TriggerForm({
  tenantSlug,
  dagId,
  params,
  onCancel,
}: {
  tenantSlug: string;
  dagId: string;
  params: Record<string, unknown>;
  onCancel: () => void;
}) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const [text, setText] = useState(() => JSON.stringify(params, null, 2));
  const [error, setError] = useState<string | null>(null);
  const trigger = trpc.dags.trigger.useMutation({
    onSuccess: async (run) => {
      await Promise.all([utils.runs.list.invalidate({ tenantSlug, dagId }), utils.dags.list.invalidate({ tenantSlug })]);
      router.push(`/t/${encodeURIComponent(tenantSlug)}/dags/${encodeURIComponent(dagId)}/runs/${run.id}`);
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <PopoverForm
      label={`Trigger ${dagId}`}
      onSubmit={() => {
        const parsed = parseParamsJson(text);
        if (!parsed.ok) {
          setError(parsed.message);
          return;
        }
        setError(null);
        trigger.mutate({ tenantSlug, dagId, conf: parsed.conf });
      }}
    >
      <div>
        <label htmlFor="trigger-params" className="block text-sm font-medium text-slate-700">
          Params (JSON)
        </label>
        <textarea
          id="trigger-params"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          spellCheck={false}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm focus:border-sky-500 focus:ring-2 focus:ring-sky-200 focus:outline-none"
        />
        <p className="mt-1 text-xs text-slate-500">Overrides the DAG&apos;s params for this run only.</p>
      </div>
      <ErrorAlert error={error} />
      <div className="flex justify-end gap-2">
        <SecondaryButton onClick={onCancel} compact>
          Cancel
        </SecondaryButton>
        <SubmitButton pending={trigger.isPending || trigger.isSuccess} pendingLabel="Starting…" compact>
          Start run
        </SubmitButton>
      </div>
    </PopoverForm>
  );
}
