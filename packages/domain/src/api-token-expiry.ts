/** Longest lifetime of an API token, in days (the server decides; the web form checks the same bounds first). */
export const MAX_API_TOKEN_DAYS = 365;

/** Whether `days` is a valid API token lifetime: a whole number of days from 1 to MAX_API_TOKEN_DAYS. */
export function isApiTokenLifetime(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= MAX_API_TOKEN_DAYS;
}
