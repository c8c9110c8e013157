/** Airflow-like colours per state (task and run states share names). */
const STYLES: Record<string, string> = {
  none: "bg-white text-slate-500 ring-1 ring-slate-300",
  scheduled: "bg-amber-100 text-amber-900 ring-1 ring-amber-300",
  queued: "bg-slate-500 text-white",
  running: "bg-lime-400 text-lime-950",
  success: "bg-green-700 text-white",
  failed: "bg-red-600 text-white",
  up_for_retry: "bg-yellow-400 text-yellow-950",
  upstream_failed: "bg-orange-400 text-orange-950",
  skipped: "bg-pink-400 text-white",
};

/** Badge whose text is the lower-case Airflow state name (`success`, `upstream_failed`, …). */
export function StateBadge({ state, className = "", testId }: { state: string; className?: string; testId?: string }) {
  const name = state.toLowerCase();
  return (
    <span
      data-state={name}
      data-testid={testId}
      className={`inline-flex items-center rounded-full px-2 py-0.5 font-mono text-xs font-medium whitespace-nowrap ${STYLES[name] ?? STYLES.none} ${className}`}
    >
      {name === "running" ? <span aria-hidden className="mr-1 h-1.5 w-1.5 animate-pulse rounded-full bg-lime-950" /> : null}
      {name}
    </span>
  );
}

