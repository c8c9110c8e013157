"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/error-message";
import { invalidateRunViews } from "@/lib/invalidate-run-views";
import { trpc, type RouterOutputs } from "@/lib/trpc";

type Result = RouterOutputs["dags"]["backfill"];

/** "Backfill" button with a start/end date form; shows how many runs were created and skipped. */
export function BackfillButton({ tenantSlug, dagId, timezone, schedule }: { tenantSlug: string; dagId: string; timezone: string; schedule: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium shadow-sm hover:bg-slate-50"
      >
        Backfill
      </button>
      {open ? <BackfillForm tenantSlug={tenantSlug} dagId={dagId} timezone={timezone} schedule={schedule} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

function BackfillForm({
  tenantSlug,
  dagId,
  timezone,
  schedule,
  onClose,
}: {
  tenantSlug: string;
  dagId: string;
  timezone: string;
  schedule: string | null;
  onClose: () => void;
}) {
  const utils = trpc.useUtils();
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const backfill = trpc.dags.backfill.useMutation({
    onMutate: () => {
      setError(null);
      setResult(null);
    },
    onSuccess: async (r) => {
      setResult(r);
      await invalidateRunViews(utils);
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <form
      aria-label={`Backfill ${dagId}`}
      className="absolute right-0 z-10 mt-2 w-96 space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-lg"
      onSubmit={(e) => {
        e.preventDefault();
        if (!start || !end) {
          setError("Pick a start and an end date.");
          return;
        }
        backfill.mutate({ tenantSlug, dagId, start, end });
      }}
    >
      <p className="text-sm text-slate-600">
        Creates a run for every scheduled interval whose logical date falls between the two dates (both included), in the
        DAG&apos;s time zone <span className="font-mono">{timezone}</span>. Runs that already exist are skipped; at most{" "}
        <span className="font-mono">max_active_runs</span> run at once.
      </p>
      {schedule === null ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">This DAG has no schedule, so there are no intervals to backfill.</p>
      ) : null}
      <div className="flex gap-3">
        <label className="block flex-1 text-sm font-medium text-slate-700">
          Start date
          <input
            type="date"
            value={start}
            onChange={(e) => setStart(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <label className="block flex-1 text-sm font-medium text-slate-700">
          End date
          <input
            type="date"
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
      </div>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {result ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="backfill-result">
          Created {result.created} run{result.created === 1 ? "" : "s"}, skipped {result.skipped} (already existed).
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
          Close
        </button>
        <button
          type="submit"
          disabled={backfill.isPending}
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {backfill.isPending ? "Creating runs…" : "Start backfill"}
        </button>
      </div>
    </form>
  );
}
