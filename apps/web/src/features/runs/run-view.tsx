"use client";

import Link from "next/link";
import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { StateBadge } from "@/components/state-badge";
import { TaskGraph } from "@/components/task-graph";
import { formatDateTime, formatDuration } from "@/lib/format-time";
import { pollWhile } from "@/lib/live-poll";
import { roleAtLeast } from "@/lib/roles";
import { trpc } from "@/lib/trpc";
import { TaskInstancePanel } from "../task-instance/task-instance-panel";
import { useTenantRole } from "../tenants/use-tenant-role";
import { MarkRunButtons } from "../run-actions/mark-run-buttons";
import { TaskTable } from "./task-table";

/** A run, live: polls every second until the run is finished. */
export function RunView({ tenantSlug, dagId, id }: { tenantSlug: string; dagId: string; id: string }) {
  const run = trpc.runs.get.useQuery(
    { tenantSlug, id },
    { refetchInterval: (query) => (query.state.error ? false : pollWhile(!query.state.data?.finished)) },
  );
  const role = useTenantRole(tenantSlug);
  const [selected, setSelected] = useState<string | null>(null);
  const dagHref = `/t/${encodeURIComponent(tenantSlug)}/dags/${encodeURIComponent(dagId)}`;

  if (run.isPending) return <p className="text-slate-500">Loading run…</p>;
  if (run.error) {
    return (
      <div className="space-y-3">
        <ErrorAlert error={run.error} size="base" />
        <Link href={dagHref} className="text-sky-800 hover:underline">
          ← {dagId}
        </Link>
      </div>
    );
  }
  const r = run.data;
  const selectedTask = r.tasks.find((t) => t.taskId === selected) ?? null;
  const stateOf = new Map(r.tasks.map((t) => [t.taskId, t.state]));
  const select = (taskId: string) => setSelected(taskId);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <Link href={dagHref} className="text-sm text-sky-800 hover:underline">
          ← {r.dagId}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-xl font-semibold break-all">{r.runId}</h1>
          <StateBadge state={r.state} className="text-sm" testId="run-state" />
          {!r.finished ? <span className="text-xs text-slate-500">live</span> : null}
          {roleAtLeast(role, "OPERATOR") ? (
            <div className="ml-auto">
              <MarkRunButtons tenantSlug={tenantSlug} id={r.id} runId={r.runId} state={r.state} />
            </div>
          ) : null}
        </div>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
          <div>
            <dt className="inline font-medium">Type: </dt>
            <dd className="inline lowercase">{r.runType}</dd>
          </div>
          <div>
            <dt className="inline font-medium">Logical date: </dt>
            <dd className="inline">{formatDateTime(r.logicalDate)}</dd>
          </div>
          <div>
            <dt className="inline font-medium">Started: </dt>
            <dd className="inline">{formatDateTime(r.startedAt)}</dd>
          </div>
          <div>
            <dt className="inline font-medium">Duration: </dt>
            <dd className="inline">{r.startedAt ? formatDuration(r.startedAt, r.endedAt) : "—"}</dd>
          </div>
          <div>
            <dt className="inline font-medium">DAG version: </dt>
            <dd className="inline">{r.version}</dd>
          </div>
          <div>
            <Link href={`${dagHref}?tab=gantt&run=${r.id}`} className="text-sky-800 hover:underline">
              Gantt
            </Link>
            {" · "}
            <Link href={`${dagHref}?tab=grid`} className="text-sky-800 hover:underline">
              Grid
            </Link>
          </div>
        </dl>
      </header>

      <TaskGraph nodes={r.graph.map((n) => ({ ...n, state: stateOf.get(n.taskId) }))} onSelect={select} selected={selected} />

      <section aria-labelledby="task-instances-heading" className="space-y-3">
        <h2 id="task-instances-heading" className="text-lg font-semibold">
          Task instances
        </h2>
        <TaskTable tasks={r.tasks} selected={selected} onSelect={select} />
      </section>

      {selectedTask ? (
        selectedTask.id ? (
          <TaskInstancePanel
            key={selectedTask.id}
            tenantSlug={tenantSlug}
            taskInstanceId={selectedTask.id}
            onClose={() => setSelected(null)}
          />
        ) : (
          <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500">
            {selectedTask.taskId} has no task instance in this run yet.
          </p>
        )
      ) : null}
    </div>
  );
}
