"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { StateBadge } from "@/components/state-badge";
import { errorMessage } from "@/lib/error-message";
import { formatDateTime, formatDuration } from "@/lib/format-time";
import { pollWhile } from "@/lib/live-poll";
import { roleAtLeast } from "@/lib/roles";
import { trpc } from "@/lib/trpc";
import { TaskTryCostsPanel } from "../costs/cost-panels";
import { LogPanel } from "./log-panel";
import { MarkRunButtons } from "../run-actions/mark-run-buttons";
import { useTenantRole } from "../tenants/use-tenant-role";
import { ClearTaskButton } from "./clear-task-button";
import { TryDetails } from "./try-details";

/**
 * A task instance: its tries (each retry or clear is a new one), the chosen
 * try's times, exit code, rendered command and env, and its log. Live while
 * the task or its run is unfinished.
 */
export function TaskInstancePanel({
  tenantSlug,
  taskInstanceId,
  initialTry = null,
  showRunActions = false,
  onClose,
}: {
  tenantSlug: string;
  taskInstanceId: string;
  /** Open on this try instead of following the latest. */
  initialTry?: number | null;
  /** Also offer "Mark success / failed" for the run (the run page has them in its header). */
  showRunActions?: boolean;
  onClose: () => void;
}) {
  const role = useTenantRole(tenantSlug);
  const ti = trpc.taskInstances.get.useQuery(
    { tenantSlug, id: taskInstanceId },
    {
      refetchInterval: (query) =>
        query.state.error ? false : pollWhile(!query.state.data || !query.state.data.finished || !query.state.data.run.finished),
    },
  );
  // null = follow the latest try (a retry or clear moves the panel to the new try).
  const [pickedTry, setPickedTry] = useState<number | null>(initialTry);

  if (ti.isPending) return <PanelFrame onClose={onClose}>Loading task instance…</PanelFrame>;
  if (ti.error) {
    return (
      <PanelFrame onClose={onClose}>
        <p role="alert" className="text-red-700">
          {errorMessage(ti.error)}
        </p>
      </PanelFrame>
    );
  }
  const t = ti.data;
  const tryNumber = pickedTry !== null && t.tries.some((x) => x.tryNumber === pickedTry) ? pickedTry : t.tryNumber;
  const attempt = t.tries.find((x) => x.tryNumber === tryNumber) ?? null;
  const runHref = `/t/${encodeURIComponent(tenantSlug)}/dags/${encodeURIComponent(t.dagId)}/runs/${t.run.id}`;
  const canOperate = roleAtLeast(role, "OPERATOR");

  return (
    <section
      aria-labelledby="task-instance-heading"
      data-testid="task-instance-panel"
      data-task-id={t.taskId}
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4"
    >
      <header className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 space-y-1">
          <h2 id="task-instance-heading" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
            <span className="font-mono">{t.taskId}</span>
            <StateBadge state={t.state} testId="task-instance-state" />
          </h2>
          <p className="text-xs text-slate-500">
            run{" "}
            <Link href={runHref} className="font-mono break-all text-sky-800 hover:underline">
              {t.run.runId}
            </Link>{" "}
            · pool <span className="font-mono">{t.pool}</span> · priority {t.priorityWeight} · try {t.tryNumber} of{" "}
            {t.maxTries}
          </p>
        </div>
        <button type="button" onClick={onClose} className="ml-auto rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50">
          Close
        </button>
      </header>

      {t.message && !t.finished ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="task-instance-message">
          {t.message}
          {t.state === "UP_FOR_RETRY" && t.nextTryAt ? ` — next try at ${formatDateTime(t.nextTryAt)}` : ""}
        </p>
      ) : null}

      {canOperate ? (
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2 border-y border-slate-100 py-2">
          <ClearTaskButton tenantSlug={tenantSlug} runDbId={t.run.id} runId={t.run.runId} taskId={t.taskId} onCleared={() => setPickedTry(null)} />
          {showRunActions ? <MarkRunButtons tenantSlug={tenantSlug} id={t.run.id} runId={t.run.runId} state={t.run.state} /> : null}
        </div>
      ) : null}

      <div>
        <h3 className="mb-1 text-sm font-semibold text-slate-700">Tries</h3>
        {t.tries.length === 0 ? (
          <p className="text-sm text-slate-500">Not started yet{t.message ? `: ${t.message}` : "."}</p>
        ) : (
          <ol className="flex flex-wrap gap-2" aria-label="Tries">
            {t.tries.map((x) => (
              <li key={x.tryNumber} data-try-number={x.tryNumber} data-state={x.state.toLowerCase()}>
                <button
                  type="button"
                  aria-pressed={x.tryNumber === tryNumber}
                  onClick={() => setPickedTry(x.tryNumber)}
                  className={`flex items-center gap-2 rounded-md border px-2 py-1 text-sm ${
                    x.tryNumber === tryNumber ? "border-sky-600 bg-sky-50" : "border-slate-300 hover:bg-slate-50"
                  }`}
                >
                  <span className="font-medium">Try {x.tryNumber}</span>
                  <StateBadge state={x.state} />
                  <span className="text-xs text-slate-500">{x.startedAt ? formatDuration(x.startedAt, x.endedAt) : ""}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>

      {attempt ? <TryDetails attempt={attempt} /> : null}

      {t.tries.length > 0 ? <TaskTryCostsPanel tenantSlug={tenantSlug} taskInstanceId={t.id} /> : null}

      <LogPanel key={`${t.id}:${tryNumber}`} tenantSlug={tenantSlug} taskInstanceId={t.id} taskId={t.taskId} tryNumber={tryNumber} />
    </section>
  );
}

function PanelFrame({ children, onClose }: { children: ReactNode; onClose: () => void }) {
  return (
    <section className="flex items-start gap-3 rounded-xl border border-slate-200 bg-white p-4 text-slate-500">
      <div>{children}</div>
      <button type="button" onClick={onClose} className="ml-auto rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50">
        Close
      </button>
    </section>
  );
}
