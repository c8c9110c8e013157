"use client";

import { DataTable } from "@/components/data-table";
import { StateBadge } from "@/components/state-badge";
import { formatDateTime, formatDuration } from "@/lib/format-time";
import type { RouterOutputs } from "@/lib/trpc";

type Task = RouterOutputs["runs"]["get"]["tasks"][number];

/** Task instances of a run; the task id is a button that opens its log. */
export function TaskTable({ tasks, selected, onSelect }: { tasks: Task[]; selected: string | null; onSelect: (taskId: string) => void }) {
  return (
    <DataTable columns={["Task", "State", "Try", "Started", "Duration", "Exit code", "Message"]}>
      {tasks.map((t) => (
        <tr key={t.taskId} data-task-id={t.taskId} className={selected === t.taskId ? "bg-sky-50" : "hover:bg-slate-50"}>
          <td className="px-4 py-2">
            <button
              type="button"
              aria-pressed={selected === t.taskId}
              onClick={() => onSelect(t.taskId)}
              className="font-mono font-medium text-sky-800 hover:underline"
            >
              {t.taskId}
            </button>
          </td>
          <td className="px-4 py-2">
            <StateBadge state={t.state} />
          </td>
          <td className="px-4 py-2 text-xs">
            {t.tryNumber}
            {t.maxTries > 1 ? <span className="text-slate-400">/{t.maxTries}</span> : null}
          </td>
          <td className="px-4 py-2 text-xs">{formatDateTime(t.startedAt)}</td>
          <td className="px-4 py-2 text-xs">{t.startedAt ? formatDuration(t.startedAt, t.endedAt) : "—"}</td>
          <td className="px-4 py-2 font-mono text-xs">{t.exitCode ?? "—"}</td>
          <td className="max-w-xs px-4 py-2 text-xs text-slate-600" data-testid="task-message">
            {t.message ?? ""}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
