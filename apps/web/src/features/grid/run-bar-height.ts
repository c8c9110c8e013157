/** Column-header bar height (px) for a run: taller = longer, like Airflow's grid. */
export function runBarHeight(durationMs: number | null, longestMs: number, minPx = 6, maxPx = 48): number {
  if (durationMs === null || longestMs <= 0) return minPx;
  return Math.round(minPx + (maxPx - minPx) * Math.min(1, Math.max(0, durationMs / longestMs)));
}

/** How long a run has taken so far (null before it started). */
export function runDurationMs(run: { startedAt: Date | null; endedAt: Date | null }, now: number): number | null {
  if (!run.startedAt) return null;
  return Math.max(0, (run.endedAt?.getTime() ?? now) - run.startedAt.getTime());
}
