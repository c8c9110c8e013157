import type { DagFile } from "./dag-file-schema";
import { canonicalTimeZone } from "./is-valid-time-zone";
import { mergeDefaultArgs } from "./merge-default-args";
import { normalizeSchedule } from "./normalize-schedule";
import { parseDateText } from "./parse-date-text";
import type { DagSpec } from "./types";
import { zonedTimeToInstant } from "./zoned-time-to-instant";

function toInstant(text: string | null | undefined, timeZone: string): string | null {
  if (text === null || text === undefined) return null;
  const parts = parseDateText(text);
  if (parts === null) throw new Error(`invalid date ${JSON.stringify(text)}`);
  return zonedTimeToInstant(parts, timeZone).toISOString();
}

/** The normalized DagSpec for a file that passed validation. */
export function buildDagSpec(file: DagFile): DagSpec {
  const timezone = canonicalTimeZone(file.timezone);
  return {
    dag_id: file.dag_id,
    description: file.description ?? null,
    schedule: normalizeSchedule(file.schedule ?? null),
    timezone,
    start_date: toInstant(file.start_date, timezone),
    end_date: toInstant(file.end_date, timezone),
    catchup: file.catchup,
    max_active_runs: file.max_active_runs,
    max_active_tasks: file.max_active_tasks,
    tags: file.tags,
    params: file.params,
    tasks: file.tasks.map((task) => mergeDefaultArgs(task, file.default_args)),
  };
}
