import { nextScheduledRun, type DagSpec, type DataInterval } from "@updraft/dag";

/**
 * The schedule intervals whose start lies in [start, end] (both inclusive,
 * like `airflow dags backfill -s … -e …`), in the DAG's timezone. Stops after
 * `limit + 1` intervals so the caller can refuse ranges that are too long.
 */
export function backfillIntervals(
  spec: Pick<DagSpec, "schedule" | "timezone">,
  start: Date,
  end: Date,
  limit: number,
): DataInterval[] {
  if (!spec.schedule) return [];
  const window = {
    schedule: spec.schedule,
    timezone: spec.timezone,
    start_date: start.toISOString(),
    end_date: end.toISOString(),
    catchup: true,
  };
  const intervals: DataInterval[] = [];
  let last: Date | null = null;
  while (intervals.length <= limit) {
    const next = nextScheduledRun(window, last, end);
    if (!next) break;
    intervals.push(next.interval);
    last = next.interval.end;
  }
  return intervals;
}
