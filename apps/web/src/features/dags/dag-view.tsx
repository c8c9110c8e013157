"use client";

import Link from "next/link";
import { errorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format-time";
import { trpc } from "@/lib/trpc";
import { RunsTable } from "../runs/runs-table";
import { PauseToggle } from "./pause-toggle";
import { scheduleText } from "./schedule-text";
import { TaskList } from "./task-list";
import { TriggerButton } from "./trigger-form";

export function DagView({ tenantSlug, dagId }: { tenantSlug: string; dagId: string }) {
  const dag = trpc.dags.get.useQuery({ tenantSlug, dagId });
  const dagsHref = `/t/${encodeURIComponent(tenantSlug)}/dags`;

  if (dag.isPending) return <p className="text-slate-500">Loading {dagId}…</p>;
  if (dag.error) {
    return (
      <div className="space-y-3">
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {errorMessage(dag.error)}
        </p>
        <Link href={dagsHref} className="text-sky-800 hover:underline">
          ← All DAGs
        </Link>
      </div>
    );
  }
  const d = dag.data;
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <Link href={dagsHref} className="text-sm text-sky-800 hover:underline">
            ← DAGs
          </Link>
          <h1 className="font-mono text-2xl font-semibold">{d.dagId}</h1>
          {d.description ? <p className="text-slate-600">{d.description}</p> : null}
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
            <div>
              <dt className="inline font-medium">Schedule: </dt>
              <dd className="inline font-mono">{scheduleText(d.schedule, d.timezone)}</dd>
            </div>
            <div>
              <dt className="inline font-medium">Next run: </dt>
              <dd className="inline">{d.isPaused ? "paused" : formatDateTime(d.nextRunAt)}</dd>
            </div>
            {d.currentVersion ? (
              <div>
                <dt className="inline font-medium">Version: </dt>
                <dd className="inline">{d.currentVersion.version}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        <div className="flex items-center gap-4">
          <div className="flex items-center gap-2 text-sm text-slate-600">
            <span aria-hidden>Paused</span>
            <PauseToggle tenantSlug={tenantSlug} dagId={d.dagId} isPaused={d.isPaused} />
          </div>
          <TriggerButton tenantSlug={tenantSlug} dagId={d.dagId} params={d.params} />
        </div>
      </header>

      <TaskList tasks={d.tasks} />
      <RunsTable tenantSlug={tenantSlug} dagId={d.dagId} />

      {d.currentVersion ? (
        <section aria-labelledby="source-heading" className="space-y-3">
          <h2 id="source-heading" className="text-lg font-semibold">
            Source <span className="font-normal text-slate-500">— {d.currentVersion.fileName}, version {d.currentVersion.version}</span>
          </h2>
          <pre className="max-h-[32rem] overflow-auto rounded-xl bg-slate-900 p-4 font-mono text-xs text-slate-100">
            {d.currentVersion.sourceText}
          </pre>
        </section>
      ) : null}
    </div>
  );
}
