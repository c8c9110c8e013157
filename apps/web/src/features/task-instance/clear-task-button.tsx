"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { InlineError } from "@/components/inline-error";
import { errorMessage } from "@/lib/error-message";
import { invalidateRunViews } from "@/lib/invalidate-run-views";
import { trpc } from "@/lib/trpc";

/** "Clear" a task of a run (optionally with its downstream tasks) so it runs again as a new try. */
export function ClearTaskButton({
  tenantSlug,
  runDbId,
  runId,
  taskId,
  onCleared,
}: {
  tenantSlug: string;
  runDbId: string;
  runId: string;
  taskId: string;
  onCleared?: (cleared: string[]) => void;
}) {
  const utils = trpc.useUtils();
  const [includeDownstream, setIncludeDownstream] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cleared, setCleared] = useState<string[] | null>(null);
  const clear = trpc.runs.clear.useMutation({
    onMutate: () => {
      setError(null);
      setCleared(null);
    },
    onSuccess: async (result) => {
      setAsking(false);
      setCleared(result.cleared);
      onCleared?.(result.cleared);
      await invalidateRunViews(utils);
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <div className="flex flex-wrap items-center gap-3">
      <label className="inline-flex items-center gap-1.5 text-sm text-slate-700">
        <input type="checkbox" checked={includeDownstream} onChange={(e) => setIncludeDownstream(e.target.checked)} />
        Include downstream
      </label>
      <button
        type="button"
        onClick={() => {
          setError(null);
          setAsking(true);
        }}
        className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
      >
        Clear
      </button>
      {cleared ? (
        <span role="status" className="text-xs text-slate-600">
          {cleared.length === 0 ? "Nothing to clear" : `Cleared ${cleared.join(", ")}`}
        </span>
      ) : null}
      {!asking ? <InlineError error={error} /> : null}
      {asking ? (
        <ConfirmDialog
          title={`Clear ${taskId}?`}
          confirmLabel="Clear"
          pending={clear.isPending}
          error={error}
          onCancel={() => setAsking(false)}
          onConfirm={() => clear.mutate({ tenantSlug, id: runDbId, taskIds: [taskId], includeDownstream })}
        >
          <p>
            <span className="font-mono">{taskId}</span>
            {includeDownstream ? " and every task downstream of it" : ""} in run{" "}
            <span className="font-mono break-all">{runId}</span> will run again as a new try. Earlier tries and their
            logs are kept.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
