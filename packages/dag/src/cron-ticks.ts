import { CronExpressionParser } from "cron-parser";

/** Cron ticks are whole minutes; stepping the parser from 1 s before/after `t` avoids sub-second rounding surprises. */
const STEP_MS = 1_000;

function iterator(cron: string, timeZone: string, from: Date) {
  return CronExpressionParser.parse(cron, { tz: timeZone, currentDate: from });
}

/** First tick strictly after `t`. */
export function tickAfter(cron: string, timeZone: string, t: Date): Date {
  const it = iterator(cron, timeZone, new Date(t.getTime() - STEP_MS));
  for (;;) {
    const tick = it.next().toDate();
    if (tick.getTime() > t.getTime()) return tick;
  }
}

/** First tick at or after `t`. */
export function tickAtOrAfter(cron: string, timeZone: string, t: Date): Date {
  return tickAfter(cron, timeZone, new Date(t.getTime() - 1));
}

/** Last tick strictly before `t`. */
export function tickBefore(cron: string, timeZone: string, t: Date): Date {
  const it = iterator(cron, timeZone, new Date(t.getTime() + STEP_MS));
  for (;;) {
    const tick = it.prev().toDate();
    if (tick.getTime() < t.getTime()) return tick;
  }
}

/** Last tick at or before `t`. */
export function tickAtOrBefore(cron: string, timeZone: string, t: Date): Date {
  return tickBefore(cron, timeZone, new Date(t.getTime() + 1));
}
