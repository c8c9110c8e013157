/** "0 0 * * * (UTC)" or "manual only". */
export function scheduleText(schedule: string | null, timezone: string): string {
  return schedule ? `${schedule} (${timezone})` : "manual only";
}
