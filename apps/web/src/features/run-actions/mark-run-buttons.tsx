"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { InlineError } from "@/components/inline-error";
import { errorMessage } from "@/lib/error-message";
import { invalidateRunViews } from "@/lib/invalidate-run-views";
import { trpc } from "@/lib/trpc";

type Target = "SUCCESS" | "FAILED";

/** "Mark success" / "Mark failed" for a run, each behind a confirm dialog. */
export function MarkRunButtons({ tenantSlug, id, runId, state }: { tenantSlug: string; id: string; runId: string; state: string }) {
  const utils = trpc.useUtils();
  const [asking, setAsking] = useState<Target | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mark = trpc.runs.mark.useMutation({
    onMutate: () => {
      setError(null);
      setDone(null);
    },
    onSuccess: async (result) => {
      setAsking(null);
      setDone(`Marked ${result.state.toLowerCase()}`);
      await invalidateRunViews(utils);
    },
    onError: (e) => setError(errorMessage(e)),
  });

  const button = (target: Target, label: string, tone: string) => (
    <button
      type="button"
      disabled={state === target || mark.isPending}
      onClick={() => {
        setError(null);
        setAsking(target);
      }}
      className={`rounded-md border px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${tone}`}
    >
      {label}
    </button>
  );

  return (
    <div className="flex flex-wrap items-center gap-2">
      {button("SUCCESS", "Mark success", "border-green-700 text-green-800 hover:bg-green-50")}
      {button("FAILED", "Mark failed", "border-red-600 text-red-700 hover:bg-red-50")}
      {done ? (
        <span role="status" className="text-xs text-slate-600">
          {done}
        </span>
      ) : null}
      {!asking ? <InlineError error={error} /> : null}
      {asking ? (
        <ConfirmDialog
          title={`Mark run ${asking === "SUCCESS" ? "success" : "failed"}?`}
          confirmLabel={asking === "SUCCESS" ? "Mark success" : "Mark failed"}
          danger={asking === "FAILED"}
          pending={mark.isPending}
          error={error}
          onCancel={() => setAsking(null)}
          onConfirm={() => mark.mutate({ tenantSlug, id, state: asking })}
        >
          <p>
            Run <span className="font-mono break-all">{runId}</span> will be marked{" "}
            <strong>{asking === "SUCCESS" ? "success" : "failed"}</strong>.
          </p>
          <p>
            {asking === "SUCCESS"
              ? "Tasks that have not finished are marked success (running ones are stopped) and will not run."
              : "Running and queued tasks are stopped and marked failed; tasks that have not started are skipped."}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
