import { tickAfter, tickAtOrAfter, tickAtOrBefore, tickBefore } from "./cron-ticks";
import type { DagSpec, DataInterval } from "./types";

export type ScheduleFields = Pick<DagSpec, "schedule" | "timezone" | "start_date" | "end_date" | "catchup">;

/**
 * The next scheduled run after the last one (whose data interval ended at
 * `lastIntervalEnd`; null when none ran yet). Intervals are consecutive cron
 * ticks in the DAG's timezone and a run for [start, end) is due at `end`.
 *
 * - the first interval starts at the first tick at or after start_date;
 * - catchup=false: when the candidate interval already ended (end <= now), skip to
 *   the latest interval that has ended — only the most recent missed run is made;
 * - catchup=true: every interval in turn;
 * - null when the DAG is manual-only or the interval would start after end_date.
 */
export function nextScheduledRun(
  spec: ScheduleFields,
  lastIntervalEnd: Date | null,
  now: Date,
): { interval: DataInterval; runAfter: Date } | null {
  const { schedule: cron, timezone } = spec;
  if (cron === null) return null;
  if (lastIntervalEnd === null && spec.start_date === null) return null;

  let start =
    lastIntervalEnd !== null
      ? lastIntervalEnd
      : tickAtOrAfter(cron, timezone, new Date(spec.start_date as string));
  let end = tickAfter(cron, timezone, start);

  if (!spec.catchup && end.getTime() <= now.getTime()) {
    const candidateStart = start;
    end = tickAtOrBefore(cron, timezone, now);
    const previousTick = tickBefore(cron, timezone, end);
    start = previousTick.getTime() > candidateStart.getTime() ? previousTick : candidateStart;
  }

  if (spec.end_date !== null && start.getTime() > new Date(spec.end_date).getTime()) return null;
  return { interval: { start, end }, runAfter: end };
}
