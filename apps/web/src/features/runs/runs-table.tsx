"use client";

import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { StateBadge } from "@/components/state-badge";
import { errorMessage } from "@/lib/error-message";
import { formatDateTime, formatDuration } from "@/lib/format-time";
import { trpc } from "@/lib/trpc";

/** "Runs" of a DAG, newest first, refreshed while any is unfinished. */
export function RunsTable({ tenantSlug, dagId }: { tenantSlug: string; dagId: string }) {
  const runs = trpc.runs.list.useQuery(
    { tenantSlug, dagId, limit: 50 },
    {
      refetchInterval: (query) =>
        query.state.data?.some((r) => r.state === "QUEUED" || r.state === "RUNNING") ? 2_000 : 15_000,
    },
  );
  const base = `/t/${encodeURIComponent(tenantSlug)}/dags/${encodeURIComponent(dagId)}/runs`;
  return (
    <section aria-labelledby="runs-heading" className="space-y-3">
      <h2 id="runs-heading" className="text-lg font-semibold">
        Runs
      </h2>
      {runs.error ? <p role="alert" className="text-red-700">{errorMessage(runs.error)}</p> : null}
      {runs.isPending ? <p className="text-slate-500">Loading runs…</p> : null}
      {runs.data && runs.data.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">
          No runs yet. Press Trigger to start one.
        </p>
      ) : null}
      {runs.data && runs.data.length > 0 ? (
        <DataTable columns={["Run id", "Type", "State", "Logical date", "Started", "Duration"]}>
          {runs.data.map((run) => (
            <tr key={run.id} className="hover:bg-slate-50">
              <td className="px-4 py-2">
                <Link href={`${base}/${run.id}`} className="font-mono text-xs text-sky-800 hover:underline">
                  {run.runId}
                </Link>
              </td>
              <td className="px-4 py-2 text-xs lowercase">{run.runType}</td>
              <td className="px-4 py-2">
                <StateBadge state={run.state} />
              </td>
              <td className="px-4 py-2 text-xs">{formatDateTime(run.logicalDate)}</td>
              <td className="px-4 py-2 text-xs">{formatDateTime(run.startedAt)}</td>
              <td className="px-4 py-2 text-xs">{run.startedAt ? formatDuration(run.startedAt, run.endedAt) : "—"}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
