import { MAX_API_TOKEN_DAYS } from "@updraft/domain/api-token-expiry";

/**
 * What is wrong with a token lifetime typed in days, or null. The bounds are the
 * server's (@updraft/domain/api-token-expiry), which decides (README, design decision D12).
 */
export function expiryDaysProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `A token lasts a whole number of days from 1 to ${MAX_API_TOKEN_DAYS}, e.g. 90.`;
  const days = Number(trimmed);
  if (days < 1 || days > MAX_API_TOKEN_DAYS) return `A token lasts 1 to ${MAX_API_TOKEN_DAYS} days; got ${days}.`;
  return null;
}
