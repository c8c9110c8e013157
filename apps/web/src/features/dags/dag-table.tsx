"use client";

import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { StateBadge } from "@/components/state-badge";
import { formatDateTime } from "@/lib/format-time";
import type { RouterOutputs } from "@/lib/trpc";
import { PauseToggle } from "./pause-toggle";
import { scheduleText } from "./schedule-text";

type DagRow = RouterOutputs["dags"]["list"][number];

export function DagTable({ tenantSlug, dags }: { tenantSlug: string; dags: DagRow[] }) {
  const base = `/t/${encodeURIComponent(tenantSlug)}/dags`;
  return (
    <DataTable columns={["DAG", "Schedule", "Last run", "Next run", "Paused"]} headerPadding="px-4 py-3">
      {dags.map((dag) => (
        <tr key={dag.dagId} className="hover:bg-slate-50" data-dag-id={dag.dagId}>
          <td className="px-4 py-3">
            <Link href={`${base}/${encodeURIComponent(dag.dagId)}`} className="font-mono font-medium text-sky-800 hover:underline">
              {dag.dagId}
            </Link>
            {dag.description ? <p className="text-xs text-slate-500">{dag.description}</p> : null}
            {dag.tags.length > 0 ? (
              <p className="mt-1 flex flex-wrap gap-1">
                {dag.tags.map((tag) => (
                  <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">
                    {tag}
                  </span>
                ))}
              </p>
            ) : null}
          </td>
          <td className="px-4 py-3 font-mono text-xs text-slate-700">{scheduleText(dag.schedule, dag.timezone)}</td>
          <td className="px-4 py-3">
            {dag.lastRun ? (
              <Link
                href={`${base}/${encodeURIComponent(dag.dagId)}/runs/${dag.lastRun.id}`}
                className="inline-flex flex-col gap-0.5 hover:underline"
                title={dag.lastRun.runId}
              >
                <StateBadge state={dag.lastRun.state} className="self-start" />
                <span className="text-xs text-slate-500">{formatDateTime(dag.lastRun.createdAt)}</span>
              </Link>
            ) : (
              <span className="text-xs text-slate-400">never run</span>
            )}
          </td>
          <td className="px-4 py-3 text-xs text-slate-700">
            {dag.isPaused ? <span className="text-slate-400">paused</span> : formatDateTime(dag.nextRunAt)}
          </td>
          <td className="px-4 py-3">
            <PauseToggle tenantSlug={tenantSlug} dagId={dag.dagId} isPaused={dag.isPaused} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
