"use client";

import { formatDateTime } from "@/lib/format-time";
import { trpc } from "@/lib/trpc";

/** The DAG's recent runs (newest first) and the one to show: `picked`, else the latest. */
export function useSelectedRun(tenantSlug: string, dagId: string, picked: string | null) {
  const runs = trpc.runs.list.useQuery(
    { tenantSlug, dagId, limit: 50 },
    {
      refetchInterval: (query) =>
        query.state.data?.some((r) => r.state === "QUEUED" || r.state === "RUNNING") ? 2_000 : 15_000,
    },
  );
  const list = runs.data ?? [];
  const selectedId = picked && list.some((r) => r.id === picked) ? picked : (list[0]?.id ?? null);
  return { runs, list, selectedId };
}

type RunRow = ReturnType<typeof useSelectedRun>["list"][number];

/** "Run: [manual__… (success) ▾]" — newest first. */
export function RunSelect({ runs, value, onChange }: { runs: RunRow[]; value: string | null; onChange: (id: string) => void }) {
  if (runs.length === 0) return null;
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      Run
      <select
        aria-label="Run"
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value)}
        className="max-w-md rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
      >
        {runs.map((r, i) => (
          <option key={r.id} value={r.id}>
            {r.runId} · {r.state.toLowerCase()} · {formatDateTime(r.logicalDate)}
            {i === 0 ? " (latest)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
