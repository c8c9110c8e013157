const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** Local date and time, or an em dash when missing. */
export function formatDateTime(value: Date | null | undefined): string {
  return value ? dateTime.format(value) : "—";
}

/** "850ms", "12s", "3m 05s", "1h 02m" between two instants (end defaults to now). */
export function formatDuration(start: Date | null | undefined, end?: Date | null): string {
  if (!start) return "—";
  const ms = Math.max(0, (end ?? new Date()).getTime() - start.getTime());
  if (ms < 1000) return `${ms}ms`;
  const totalSeconds = Math.floor(ms / 1000);
  if (totalSeconds < 60) return `${(ms / 1000).toFixed(totalSeconds < 10 ? 1 : 0)}s`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, "0")}m`;
  return `${minutes}m ${String(seconds).padStart(2, "0")}s`;
}
