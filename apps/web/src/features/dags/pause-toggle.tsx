"use client";

import { useState } from "react";
import { InlineError } from "@/components/inline-error";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";

/** Switch that pauses/unpauses a DAG; checked = paused. */
export function PauseToggle({ tenantSlug, dagId, isPaused }: { tenantSlug: string; dagId: string; isPaused: boolean }) {
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const mutation = trpc.dags.setPaused.useMutation({
    onMutate: () => setError(null),
    onError: (e) => setError(errorMessage(e)),
    onSettled: async () => {
      await Promise.all([utils.dags.list.invalidate({ tenantSlug }), utils.dags.get.invalidate({ tenantSlug, dagId })]);
    },
  });
  const paused = mutation.isPending && mutation.variables ? mutation.variables.paused : isPaused;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={paused}
        aria-label={`Pause ${dagId}`}
        title={paused ? "Paused: no scheduled runs are created. Click to unpause." : "Active. Click to pause."}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate({ tenantSlug, dagId, paused: !paused })}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus:ring-2 focus:ring-sky-300 focus:outline-none disabled:opacity-60 ${
          paused ? "bg-amber-500" : "bg-slate-300"
        }`}
      >
        <span
          aria-hidden
          className={`inline-block h-5 w-5 transform rounded-full bg-white shadow transition-transform ${
            paused ? "translate-x-5" : "translate-x-0.5"
          }`}
        />
      </button>
      <span className="text-xs text-slate-500">{paused ? "paused" : "active"}</span>
      <InlineError error={error} />
    </span>
  );
}
