const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
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

/** How far the wall clock of `timeZone` is ahead of UTC at `epochMs` (whole seconds). */
function offsetMs(timeZone: string, epochMs: number): number {
  const f: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== "literal") f[part.type] = Number(part.value);
  }
  const wallAsUtc = Date.UTC(f.year ?? 1970, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0);
  return wallAsUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/**
 * The instant a calendar date ("2025-03-30") starts in an IANA time zone:
 * 00:00 local time, or the first instant of the day when 00:00 is skipped by
 * a DST change.
 */
export function startOfDayInZone(date: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Expected a date like 2025-01-31, got "${date}"`);
  const wallAsUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const first = wallAsUtc - offsetMs(timeZone, wallAsUtc);
  const offsetAtFirst = offsetMs(timeZone, first);
  const second = wallAsUtc - offsetAtFirst;
  if (offsetMs(timeZone, second) === offsetAtFirst) return new Date(second);
  // 00:00 does not exist that day (a DST gap): the day starts at the later instant.
  return new Date(Math.max(first, second));
}
