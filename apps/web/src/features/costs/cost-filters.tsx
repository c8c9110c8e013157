"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { TextField } from "@/components/text-field";
import { rangeProblem, type DayRange } from "./cost-format";

export interface CostFilterValues extends DayRange {
  dagIds: string[];
  tag: string;
}

/** The date-range picker and the DAG and tag filters; applied on "Apply". */
export function CostFilters({
  applied,
  dags,
  tags,
  onApply,
}: {
  applied: CostFilterValues;
  dags: string[];
  tags: string[];
  onApply: (filters: CostFilterValues) => void;
}) {
  const [draft, setDraft] = useState<CostFilterValues>(applied);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label="Cost filters"
      className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = rangeProblem(draft);
        setError(problem);
        if (!problem) onApply(draft);
      }}
    >
      <TextField label="From" type="date" value={draft.from} onValueChange={(from) => setDraft((d) => ({ ...d, from }))} />
      <TextField label="To" type="date" value={draft.to} onValueChange={(to) => setDraft((d) => ({ ...d, to }))} />
      <label className="block text-sm font-medium text-slate-700">
        DAGs
        <select
          multiple
          aria-label="DAGs"
          value={draft.dagIds}
          onChange={(e) => setDraft((d) => ({ ...d, dagIds: [...e.target.selectedOptions].map((o) => o.value) }))}
          className="mt-1 block h-20 min-w-48 rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          {dags.map((dagId) => (
            <option key={dagId} value={dagId}>
              {dagId}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Tag
        <select
          value={draft.tag}
          onChange={(e) => setDraft((d) => ({ ...d, tag: e.target.value }))}
          className="mt-1 block min-w-32 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-sky-600 px-4 py-2 text-sm font-medium text-white hover:bg-sky-700">
        Apply
      </button>
      {error ? <ErrorAlert error={error} className="w-full" /> : null}
    </form>
  );
}
