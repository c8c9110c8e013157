/** "≈ $0.42 per run from requests and the median duration of recent runs; 2 tasks never ran" (null when nothing ran yet). */
export function estimateText(
  estimate: { total: number; tasks: readonly unknown[]; unknownTaskIds: readonly string[] },
  money: { format(value: number): string },
): string {
  const unknown = estimate.unknownTaskIds.length;
  if (estimate.tasks.length > 0 && unknown === estimate.tasks.length) {
    return `No estimate yet: none of its ${unknown} ${unknown === 1 ? "task has" : "tasks have"} run successfully.`;
  }
  const base = `≈ ${money.format(estimate.total)} per run from requests and the median duration of recent runs`;
  if (unknown === 0) return base;
  return `${base}; ${unknown} ${unknown === 1 ? "task" : "tasks"} never ran (${estimate.unknownTaskIds.join(", ")}), not included`;
}

/** Bars oldest → newest for the per-run chart (the report lists newest first). */
export function runCostBars(rows: readonly { runId: string; cost: number }[]): { runId: string; cost: number }[] {
  return [...rows].reverse().map((r) => ({ runId: r.runId, cost: r.cost }));
}
