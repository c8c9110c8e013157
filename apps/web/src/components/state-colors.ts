/**
 * Airflow's state colours, as hex so SVG (Gantt) and inline styles (Grid)
 * share one palette. Keys are lower-case Airflow state names.
 */
export const STATE_COLORS: Record<string, string> = {
  none: "#ffffff",
  scheduled: "#d2b48c", // tan
  queued: "#808080", // grey
  running: "#32cd32", // lime green
  success: "#008000", // green
  failed: "#ff0000", // red
  up_for_retry: "#ffd700", // gold
  upstream_failed: "#ffa500", // orange
  skipped: "#ff69b4", // hot pink
};

/** Fill colour of a state; unknown states draw like "none". */
export function stateColor(state: string): string {
  return STATE_COLORS[state.toLowerCase()] ?? STATE_COLORS.none!;
}

/** States drawn as an outline only (white would vanish on white). */
export function isOutlinedState(state: string): boolean {
  return state.toLowerCase() === "none";
}

/** Legend order, as Airflow lists them. */
export const LEGEND_STATES = [
  "none",
  "scheduled",
  "queued",
  "running",
  "success",
  "failed",
  "up_for_retry",
  "upstream_failed",
  "skipped",
] as const;
