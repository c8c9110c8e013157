import { tryParseQuantity } from "@updraft/domain/quantity";

/**
 * How full a quota is, 0…1, for a usage bar: `used` and `hard` are counts or
 * Kubernetes quantities ("1500m" of "4"). null when either is unreadable.
 */
export function usageFraction(used: string | number, hard: string | number): number | null {
  const u = tryParseQuantity(used)?.value;
  const h = tryParseQuantity(hard)?.value;
  if (u === undefined || h === undefined) return null;
  if (h <= 0) return u > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, u / h));
}
