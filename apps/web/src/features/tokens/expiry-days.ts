/** Same bounds as the server's MAX_API_TOKEN_DAYS, which decides (README, design decision D12). */
export const MAX_TOKEN_DAYS = 365;

/** What is wrong with a token lifetime typed in days, or null. */
export function expiryDaysProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `A token lasts a whole number of days from 1 to ${MAX_TOKEN_DAYS}, e.g. 90.`;
  const days = Number(trimmed);
  if (days < 1 || days > MAX_TOKEN_DAYS) return `A token lasts 1 to ${MAX_TOKEN_DAYS} days; got ${days}.`;
  return null;
}
