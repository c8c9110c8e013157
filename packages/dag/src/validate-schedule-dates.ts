import { isValidTimeZone } from "./is-valid-time-zone";
import { parseDateText } from "./parse-date-text";
import { ownValue } from "./plain-object";
import type { Problem } from "./problem";
import { zonedTimeToInstant } from "./zoned-time-to-instant";

const NEEDS_START =
  "a DAG with a schedule needs a start date like 2025-01-01 (or use schedule: null for manual runs only)";

/** start_date is required when a schedule is set, and end_date must come after start_date. */
export function validateScheduleDates(data: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const schedule = ownValue(data, "schedule");
  const start = ownValue(data, "start_date");
  const end = ownValue(data, "end_date");
  if (typeof schedule === "string") {
    if (start === undefined) {
      problems.push({ path: ["start_date"], message: `missing required key "start_date": ${NEEDS_START}` });
    } else if (start === null) {
      problems.push({ path: ["start_date"], message: `start_date is null: ${NEEDS_START}` });
    }
  }
  const timezone = ownValue(data, "timezone") ?? "UTC";
  if (typeof start !== "string" || typeof end !== "string" || typeof timezone !== "string") return problems;
  if (!isValidTimeZone(timezone)) return problems;
  const startParts = parseDateText(start);
  const endParts = parseDateText(end);
  if (startParts === null || endParts === null) return problems;
  if (zonedTimeToInstant(endParts, timezone).getTime() <= zonedTimeToInstant(startParts, timezone).getTime()) {
    problems.push({ path: ["end_date"], message: `end_date ${end} must be after start_date ${start}` });
  }
  return problems;
}

