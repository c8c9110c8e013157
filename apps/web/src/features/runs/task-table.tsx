"use client";

import { StateBadge } from "@/components/state-badge";
import { formatDateTime, formatDuration } from "@/lib/format-time";
import type { RouterOutputs } from "@/lib/trpc";

type Task = RouterOutputs["runs"]["get"]["tasks"][number];

/** Task instances of a run; the task id is a button that opens its log. */
export function TaskTable({ tasks, selected, onSelect }: { tasks: Task[]; selected: string | null; onSelect: (taskId: string) => void }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">Task</th>
            <th scope="col" className="px-4 py-2">State</th>
            <th scope="col" className="px-4 py-2">Try</th>
            <th scope="col" className="px-4 py-2">Started</th>
            <th scope="col" className="px-4 py-2">Duration</th>
            <th scope="col" className="px-4 py-2">Exit code</th>
            <th scope="col" className="px-4 py-2">Message</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
        </tbody>
      </table>
    </div>
  );
}
