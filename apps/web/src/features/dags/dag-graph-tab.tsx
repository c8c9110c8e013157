"use client";

import { useState } from "react";
import { StateBadge } from "@/components/state-badge";
import { StateLegend } from "@/components/state-legend";
import { TaskGraph } from "@/components/task-graph";
import { errorMessage } from "@/lib/error-message";
import { pollWhile } from "@/lib/live-poll";
import { trpc, type RouterOutputs } from "@/lib/trpc";
import { TaskList } from "./task-list";
import { RunSelect, useSelectedRun } from "../runs/run-select";
import { TaskInstancePanel } from "../task-instance/task-instance-panel";

type DagTask = RouterOutputs["dags"]["get"]["tasks"][number];

/** The DAG's tasks left to right with their dependencies, coloured by the selected run (latest by default). */
export function DagGraphTab({
  tenantSlug,
  dagId,
  tasks,
  pickedRun,
  onPickRun,
}: {
  tenantSlug: string;
  dagId: string;
  tasks: DagTask[];
  pickedRun: string | null;
  onPickRun: (id: string) => void;
}) {
  const { list, selectedId } = useSelectedRun(tenantSlug, dagId, pickedRun);
  const run = trpc.runs.get.useQuery(
    { tenantSlug, id: selectedId ?? "" },
    { enabled: selectedId !== null, refetchInterval: (query) => (query.state.error ? false : pollWhile(!query.state.data?.finished)) },
  );
  const [selectedTask, setSelectedTask] = useState<string | null>(null);
  const r = run.data && run.data.id === selectedId ? run.data : null;
  const states = new Map(r?.tasks.map((t) => [t.taskId, t.state]) ?? []);
  const nodes = r ? r.graph.map((n) => ({ ...n, state: states.get(n.taskId) })) : tasks;
  const instanceId = r?.tasks.find((t) => t.taskId === selectedTask)?.id ?? null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <RunSelect runs={list} value={selectedId} onChange={onPickRun} />
        {r ? <StateBadge state={r.state} testId="graph-run-state" /> : null}
        {r && !r.finished ? <span className="text-xs text-slate-500">live</span> : null}
        {list.length === 0 ? <span className="text-sm text-slate-500">No runs yet: the graph shows the DAG&apos;s current version.</span> : null}
        {r ? <span className="text-xs text-slate-500">DAG version {r.version}</span> : null}
      </div>
      {run.error ? (
        <p role="alert" className="text-red-700">
          {errorMessage(run.error)}
        </p>
      ) : null}
      <div data-testid="dag-graph">
        <TaskGraph nodes={nodes} onSelect={r ? setSelectedTask : undefined} selected={selectedTask} />
      </div>
      {r ? <StateLegend /> : null}
      {instanceId ? (
        <TaskInstancePanel key={instanceId} tenantSlug={tenantSlug} taskInstanceId={instanceId} showRunActions onClose={() => setSelectedTask(null)} />
      ) : null}
      <TaskList tasks={tasks} />
    </div>
  );
}
