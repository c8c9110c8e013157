"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { TabBar } from "@/components/tab-bar";
import { formatDateTime } from "@/lib/format-time";
import { roleAtLeast } from "@/lib/roles";
import { trpc } from "@/lib/trpc";
import { DagCostsTab } from "../costs/dag-costs-tab";
import { DagGanttTab } from "../gantt/dag-gantt-tab";
import { DagGraphTab } from "./dag-graph-tab";
import { DagGrid } from "../grid/dag-grid";
import { RunsTable } from "../runs/runs-table";
import { useTenantRole } from "../tenants/use-tenant-role";
import { BackfillButton } from "./backfill-form";
import { DagSource } from "./dag-source";
import { DAG_TABS, type DagTab } from "./dag-tabs";
import { PauseToggle } from "./pause-toggle";
import { scheduleText } from "./schedule-text";
import { TriggerButton } from "./trigger-form";

/** Keeps `?tab=…&run=…` in the address bar without a server round trip, so views can be linked and reloaded. */
function writeUrlState(tab: DagTab, run: string | null) {
  const params = new URLSearchParams(window.location.search);
  params.set("tab", tab);
  if (run) params.set("run", run);
  else params.delete("run");
  window.history.replaceState(null, "", `?${params.toString()}`);
}

export function DagView({
  tenantSlug,
  dagId,
  initialTab,
  initialRun,
}: {
  tenantSlug: string;
  dagId: string;
  initialTab: DagTab;
  initialRun: string | null;
}) {
  const dag = trpc.dags.get.useQuery({ tenantSlug, dagId });
  const role = useTenantRole(tenantSlug);
  const [tab, setTab] = useState<DagTab>(initialTab);
  const [pickedRun, setPickedRun] = useState<string | null>(initialRun);
  const dagsHref = `/t/${encodeURIComponent(tenantSlug)}/dags`;

  const changeTab = useCallback(
    (next: DagTab) => {
      setTab(next);
      writeUrlState(next, pickedRun);
    },
    [pickedRun],
  );
  const pickRun = useCallback(
    (id: string) => {
      setPickedRun(id);
      writeUrlState(tab, id);
    },
    [tab],
  );

  if (dag.isPending) return <p className="text-slate-500">Loading {dagId}…</p>;
  if (dag.error) {
    return (
      <div className="space-y-3">
        <ErrorAlert error={dag.error} size="base" />
        <Link href={dagsHref} className="text-sky-800 hover:underline">
          ← All DAGs
        </Link>
      </div>
    );
  }
  const d = dag.data;
  const canOperate = roleAtLeast(role, "OPERATOR");
  return (
    <div className="space-y-6">
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
          {canOperate ? (
            <>
              <BackfillButton tenantSlug={tenantSlug} dagId={d.dagId} timezone={d.timezone} schedule={d.schedule} />
              <TriggerButton tenantSlug={tenantSlug} dagId={d.dagId} params={d.params} />
            </>
          ) : null}
        </div>
      </header>

      <TabBar id="dag" tabs={DAG_TABS} current={tab} onChange={changeTab} />
      <div id="dag-panel" role="tabpanel" aria-labelledby={`dag-tab-${tab}`}>
        {tab === "grid" ? <DagGrid tenantSlug={tenantSlug} dagId={d.dagId} /> : null}
        {tab === "graph" ? (
          <DagGraphTab tenantSlug={tenantSlug} dagId={d.dagId} tasks={d.tasks} pickedRun={pickedRun} onPickRun={pickRun} />
        ) : null}
        {tab === "gantt" ? <DagGanttTab tenantSlug={tenantSlug} dagId={d.dagId} pickedRun={pickedRun} onPickRun={pickRun} /> : null}
        {tab === "runs" ? <RunsTable tenantSlug={tenantSlug} dagId={d.dagId} /> : null}
        {tab === "source" ? <DagSource dag={d} /> : null}
        {tab === "costs" ? <DagCostsTab tenantSlug={tenantSlug} dagId={d.dagId} /> : null}
      </div>
    </div>
  );
}
