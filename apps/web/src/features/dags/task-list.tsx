import type { RouterOutputs } from "@/lib/trpc";

type Task = RouterOutputs["dags"]["get"]["tasks"][number];

/** "Tasks": each task with its upstream tasks (`b ← a`), trigger rule, retries and command. */
export function TaskList({ tasks }: { tasks: Task[] }) {
  return (
    <section aria-labelledby="tasks-heading" className="space-y-3">
      <h2 id="tasks-heading" className="text-lg font-semibold">
        Tasks
      </h2>
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
        {tasks.map((t) => (
          <li key={t.taskId} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-2" data-task-id={t.taskId}>
            <span className="font-mono font-medium">
              {t.dependsOn.length > 0 ? `${t.taskId} ← ${t.dependsOn.join(", ")}` : t.taskId}
            </span>
            {t.triggerRule !== "all_success" ? (
              <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-800">{t.triggerRule}</span>
            ) : null}
            {t.retries > 0 ? <span className="text-xs text-slate-500">retries: {t.retries}</span> : null}
            <code className="ml-auto max-w-full truncate text-xs text-slate-500" title={[...t.command, ...t.args].join(" ")}>
              {[...t.command, ...t.args].join(" ")}
            </code>
          </li>
        ))}
      </ul>
    </section>
  );
}
