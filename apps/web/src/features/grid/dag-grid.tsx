"use client";

import Link from "next/link";
import { useState } from "react";
import { StateLegend } from "@/components/state-legend";
import { isOutlinedState, stateColor } from "@/components/state-colors";
import { errorMessage } from "@/lib/error-message";
import { formatDateTime, formatDuration } from "@/lib/format-time";
import { pollWhile } from "@/lib/live-poll";
import { trpc } from "@/lib/trpc";
import { TaskInstancePanel } from "../task-instance/task-instance-panel";
import { GridCell } from "./grid-cell";
import { runBarHeight, runDurationMs } from "./run-bar-height";

/** New runs (scheduled, triggered elsewhere) show up within this while nothing is running. */
const IDLE_POLL_MS = 15_000;

/**
 * Airflow's Grid: the DAG's last runs as columns (oldest → newest) × tasks as
 * rows, one coloured square per task instance. Live while any run is unfinished.
 */
export function DagGrid({ tenantSlug, dagId }: { tenantSlug: string; dagId: string }) {
  const grid = trpc.runs.grid.useQuery(
    { tenantSlug, dagId, limit: 25 },
    { refetchInterval: (query) => (query.state.error ? false : pollWhile(query.state.data?.live ?? false, IDLE_POLL_MS)) },
  );
  const [selected, setSelected] = useState<string | null>(null);

  if (grid.isPending) return <p className="text-slate-500">Loading grid…</p>;
  if (grid.error) {
    return (
      <p role="alert" className="text-red-700">
        {errorMessage(grid.error)}
      </p>
    );
  }
  const { runs, rows } = grid.data;
  if (runs.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">
        No runs yet. Press Trigger to start one, or Backfill a date range.
      </p>
    );
  }
  const now = Date.now();
  const durations = runs.map((r) => runDurationMs(r, now));
  const longest = Math.max(0, ...durations.map((d) => d ?? 0));
  const runHref = (id: string) => `/t/${encodeURIComponent(tenantSlug)}/dags/${encodeURIComponent(dagId)}/runs/${id}`;

  return (
    <div className="flex flex-col gap-4 xl:flex-row xl:items-start">
      <div className="shrink-0 space-y-3">
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-3" data-testid="dag-grid" data-live={grid.data.live}>
          <table className="border-separate border-spacing-[3px]">
            <thead>
              <tr>
                <th scope="col" className="pr-3 text-left align-bottom text-xs font-semibold tracking-wide text-slate-500 uppercase">
                  Task
                </th>
                {runs.map((run, i) => {
                  const state = run.state.toLowerCase();
                  return (
                    <th key={run.id} scope="col" className="h-14 align-bottom">
                      <Link
                        href={runHref(run.id)}
                        data-grid-run={run.id}
                        data-state={state}
                        aria-label={`Run ${run.runId}: ${state}`}
                        title={[
                          `Run: ${run.runId}`,
                          `State: ${state}`,
                          `Type: ${run.runType.toLowerCase()}`,
                          `Logical date: ${formatDateTime(run.logicalDate)}`,
                          `Duration: ${run.startedAt ? formatDuration(run.startedAt, run.endedAt) : "—"}`,
                        ].join("\n")}
                        className={`mx-auto block w-3 rounded-sm border hover:opacity-80 ${isOutlinedState(state) ? "border-slate-400" : "border-black/10"}`}
                        style={{ height: runBarHeight(durations[i] ?? null, longest), backgroundColor: stateColor(state) }}
                      />
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.taskId} data-grid-row={row.taskId}>
                  <th
                    scope="row"
                    className={`max-w-56 truncate pr-3 text-left font-mono text-xs font-medium ${row.inCurrentVersion ? "" : "text-slate-400 line-through"}`}
                    title={row.inCurrentVersion ? row.taskId : `${row.taskId} (not in the current version)`}
                  >
                    {row.taskId}
                  </th>
                  {row.cells.map((cell, i) => {
                    const run = runs[i]!;
                    return (
                      <td key={run.id} className="p-0">
                        <GridCell
                          taskId={row.taskId}
                          runId={run.runId}
                          cell={cell}
                          selected={cell !== null && cell.taskInstanceId === selected}
                          onSelect={() => cell && setSelected(cell.taskInstanceId === selected ? null : cell.taskInstanceId)}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-xs text-slate-500">
          {runs.length} most recent run{runs.length === 1 ? "" : "s"} by logical date, oldest on the left. Click a square for the task
          instance.
        </p>
        <StateLegend />
      </div>
      {selected ? (
        <div className="min-w-0 flex-1">
          <TaskInstancePanel key={selected} tenantSlug={tenantSlug} taskInstanceId={selected} showRunActions onClose={() => setSelected(null)} />
        </div>
      ) : null}
    </div>
  );
}
