"use client";

import { useState } from "react";
import { StateBadge } from "@/components/state-badge";
import { errorMessage } from "@/lib/error-message";
import { pollWhile } from "@/lib/live-poll";
import { trpc } from "@/lib/trpc";
import { RunSelect, useSelectedRun } from "../runs/run-select";
import { TaskInstancePanel } from "../task-instance/task-instance-panel";
import { GanttKey } from "./gantt-key";
import { RunGanttChart } from "./run-gantt-chart";

/** The Gantt of the selected run (latest by default), live while it runs. */
export function DagGanttTab({
  tenantSlug,
  dagId,
  pickedRun,
  onPickRun,
}: {
  tenantSlug: string;
  dagId: string;
  pickedRun: string | null;
  onPickRun: (id: string) => void;
}) {
  const { list, runs, selectedId } = useSelectedRun(tenantSlug, dagId, pickedRun);
  const gantt = trpc.runs.gantt.useQuery(
    { tenantSlug, id: selectedId ?? "" },
    { enabled: selectedId !== null, refetchInterval: (query) => (query.state.error ? false : pollWhile(!query.state.data?.finished)) },
  );
  const [selected, setSelected] = useState<{ id: string; tryNumber: number } | null>(null);
  const g = gantt.data && gantt.data.id === selectedId ? gantt.data : null;

  if (runs.isPending) return <p className="text-slate-500">Loading runs…</p>;
  if (list.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">
        No runs yet. The Gantt chart shows when each task of a run waited and ran.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <RunSelect runs={list} value={selectedId} onChange={onPickRun} />
        {g ? <StateBadge state={g.state} testId="gantt-run-state" /> : null}
        {g && !g.finished ? <span className="text-xs text-slate-500">live</span> : null}
      </div>
      {gantt.error ? (
        <p role="alert" className="text-red-700">
          {errorMessage(gantt.error)}
        </p>
      ) : null}
      {g ? (
        <>
          <RunGanttChart gantt={g} onSelect={(id, tryNumber) => setSelected({ id, tryNumber })} />
          <GanttKey />
        </>
      ) : (
        <p className="text-slate-500">Loading Gantt chart…</p>
      )}
      {selected ? (
        <TaskInstancePanel
          key={`${selected.id}:${selected.tryNumber}`}
          tenantSlug={tenantSlug}
          taskInstanceId={selected.id}
          initialTry={selected.tryNumber}
          showRunActions
          onClose={() => setSelected(null)}
        />
      ) : null}
    </div>
  );
}
