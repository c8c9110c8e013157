"use client";

import { useState } from "react";
import { DropdownButton } from "@/components/dropdown-button";
import { ErrorAlert } from "@/components/error-alert";
import { PopoverForm } from "@/components/popover-form";
import { SecondaryButton } from "@/components/secondary-button";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { errorMessage } from "@/lib/error-message";
import { invalidateRunViews } from "@/lib/invalidate-run-views";
import { trpc, type RouterOutputs } from "@/lib/trpc";

type Result = RouterOutputs["dags"]["backfill"];

/** "Backfill" button with a start/end date form; shows how many runs were created and skipped. */
export function BackfillButton({ tenantSlug, dagId, timezone, schedule }: { tenantSlug: string; dagId: string; timezone: string; schedule: string | null }) {
  return (
    <DropdownButton
      label="Backfill"
      className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium shadow-sm hover:bg-slate-50"
      panel={(close) => <BackfillForm tenantSlug={tenantSlug} dagId={dagId} timezone={timezone} schedule={schedule} onClose={close} />}
    />
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
    <PopoverForm
      label={`Backfill ${dagId}`}
      onSubmit={() => {
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
        <TextField label="Start date" className="flex-1" type="date" value={start} onValueChange={setStart} />
        <TextField label="End date" className="flex-1" type="date" value={end} onValueChange={setEnd} />
      </div>
      <ErrorAlert error={error} />
      {result ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="backfill-result">
          Created {result.created} run{result.created === 1 ? "" : "s"}, skipped {result.skipped} (already existed).
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <SecondaryButton onClick={onClose} compact>
          Close
        </SecondaryButton>
        <SubmitButton pending={backfill.isPending} pendingLabel="Creating runs…" compact>
          Start backfill
        </SubmitButton>
      </div>
    </PopoverForm>
  );
}
