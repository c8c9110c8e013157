function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** Airflow's `ds`: the UTC calendar date, `2025-01-01`. */
export function formatDs(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Airflow's `ds_nodash`: `20250101`. */
export function formatDsNodash(date: Date): string {
  return formatDs(date).replaceAll("-", "");
}

/**
 * Airflow's `ts` (Python `isoformat()` of a UTC datetime): `2025-01-01T00:00:00+00:00`,
 * with microseconds only when the time has a fraction (`…T00:00:00.250000+00:00`).
 */
export function formatAirflowTimestamp(date: Date): string {
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  const fraction = ms === 0 ? "" : `.${pad(ms, 3)}000`;
  return `${formatDs(date)}T${time}${fraction}+00:00`;
}
