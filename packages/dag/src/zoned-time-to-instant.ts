import type { DateTextParts } from "./parse-date-text";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC at `epochMs`, in milliseconds (Amsterdam in winter: +3,600,000). */
export function timeZoneOffsetMs(timeZone: string, epochMs: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const wallClockAsUtc = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return wallClockAsUtc - wholeSecond;
}

/**
 * The instant a date/date-time means: with an explicit offset it is used as is,
 * otherwise the wall-clock time is read in `timeZone`. A wall-clock time skipped by
 * a DST change is moved forward by the length of the gap (02:30 -> 03:30).
 */
export function zonedTimeToInstant(parts: DateTextParts, timeZone: string): Date {
  const wallClockAsUtc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
    parts.millisecond,
  );
  if (parts.offsetMinutes !== null) return new Date(wallClockAsUtc - parts.offsetMinutes * 60_000);
  const firstGuess = wallClockAsUtc - timeZoneOffsetMs(timeZone, wallClockAsUtc);
  const offsetAtGuess = timeZoneOffsetMs(timeZone, firstGuess);
  const secondGuess = wallClockAsUtc - offsetAtGuess;
  if (timeZoneOffsetMs(timeZone, secondGuess) === offsetAtGuess) return new Date(secondGuess);
  // In a DST gap: neither offset maps back to this wall-clock time; take the later instant.
  return new Date(Math.max(firstGuess, secondGuess));
}
