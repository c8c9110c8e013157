"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";
import { parseParamsJson } from "./parse-params-json";

/** "Trigger" button that opens a params form and, on success, goes to the new run. */
export function TriggerButton({ tenantSlug, dagId, params }: { tenantSlug: string; dagId: string; params: Record<string, unknown> }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white shadow-sm hover:bg-sky-800"
      >
        Trigger
      </button>
      {open ? <TriggerForm tenantSlug={tenantSlug} dagId={dagId} params={params} onCancel={() => setOpen(false)} /> : null}
    </div>
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
    <form
      aria-label={`Trigger ${dagId}`}
      className="absolute right-0 z-10 mt-2 w-96 space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-lg"
      onSubmit={(e) => {
        e.preventDefault();
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
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
          Cancel
        </button>
        <button
          type="submit"
          disabled={trigger.isPending || trigger.isSuccess}
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {trigger.isPending || trigger.isSuccess ? "Starting…" : "Start run"}
        </button>
      </div>
    </form>
  );
}
