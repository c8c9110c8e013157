import { parseDateText } from "./parse-date-text";
import { zonedTimeToInstant } from "./zoned-time-to-instant";

/**
 * Reads a date the way DAG files do: "2025-01-31" is local midnight in
 * `timeZone` (the first instant of the day when DST skips midnight), a
 * date-time without an offset is wall-clock time there, and one with an offset
 * is used as given. Throws with an example when the text is not a date.
 */
export function dateTextToInstant(text: string, timeZone: string): Date {
  const parts = parseDateText(text);
  if (!parts) throw new Error(`Expected a date like 2025-01-31 or 2025-01-31T06:00:00Z, got "${text}"`);
  return zonedTimeToInstant(parts, timeZone);
}
