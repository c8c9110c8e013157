import { CronExpressionParser } from "cron-parser";
import { didYouMean } from "./suggest-name";

export const SCHEDULE_PRESETS: Readonly<Record<string, string>> = {
  "@hourly": "0 * * * *",
  "@daily": "0 0 * * *",
  "@weekly": "0 0 * * 0",
  "@monthly": "0 0 1 * *",
  "@yearly": "0 0 1 1 *",
};

const PRESET_LIST = Object.keys(SCHEDULE_PRESETS).join(", ");
const CRON_FIELDS = "minute hour day-of-month month day-of-week";

/** What is wrong with a schedule string, or null when it is a valid preset / 5-field cron. */
export function scheduleProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.startsWith("@")) {
    if (Object.prototype.hasOwnProperty.call(SCHEDULE_PRESETS, trimmed)) return null;
    return (
      `unknown schedule preset ${JSON.stringify(text)}: expected one of ${PRESET_LIST}, ` +
      `a 5-field cron expression, or null${didYouMean(trimmed, Object.keys(SCHEDULE_PRESETS))}`
    );
  }
  const fields = trimmed === "" ? [] : trimmed.split(/\s+/);
  if (fields.length !== 5) {
    return (
      `invalid cron expression ${JSON.stringify(text)}: expected 5 fields (${CRON_FIELDS}), ` +
      `got ${fields.length}`
    );
  }
  try {
    CronExpressionParser.parse(fields.join(" "), { tz: "UTC" });
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `invalid cron expression ${JSON.stringify(text)}: ${reason} (fields: ${CRON_FIELDS})`;
  }
}

/** "@daily" -> "0 0 * * *"; a cron expression has its whitespace normalized. Throws on invalid input. */
export function normalizeSchedule(text: string | null): string | null {
  if (text === null) return null;
  const problem = scheduleProblem(text);
  if (problem !== null) throw new Error(problem);
  const trimmed = text.trim();
  return SCHEDULE_PRESETS[trimmed] ?? trimmed.split(/\s+/).join(" ");
}
