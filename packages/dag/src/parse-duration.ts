const UNIT_SECONDS = { d: 86_400, h: 3_600, m: 60, s: 1 } as const;
const DURATION_TEXT = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const WHOLE_SECONDS_TEXT = /^\d+$/;

export const DURATION_HINT = "a duration like 30s, 5m, 1h, 1h30m or 2d, or a whole number of seconds";

/**
 * Seconds in a duration: `"30s"`, `"5m"`, `"1h30m"`, `"2d"`, `"1d2h3m4s"`, `"90"` or `90`.
 * Must be positive. Throws an Error saying what was expected otherwise.
 */
export function durationToSeconds(text: string | number): number {
  if (typeof text === "number") {
    if (Number.isSafeInteger(text) && text > 0) return text;
    throw new Error(`expected ${DURATION_HINT} greater than 0, got ${text}`);
  }
  const trimmed = text.trim();
  if (WHOLE_SECONDS_TEXT.test(trimmed)) return durationToSeconds(Number(trimmed));
  const match = DURATION_TEXT.exec(trimmed);
  if (trimmed === "" || match === null) {
    throw new Error(`expected ${DURATION_HINT}, got ${JSON.stringify(text)}`);
  }
  const [, days, hours, minutes, seconds] = match;
  const total =
    Number(days ?? 0) * UNIT_SECONDS.d +
    Number(hours ?? 0) * UNIT_SECONDS.h +
    Number(minutes ?? 0) * UNIT_SECONDS.m +
    Number(seconds ?? 0) * UNIT_SECONDS.s;
  if (!Number.isSafeInteger(total) || total <= 0) {
    throw new Error(`expected ${DURATION_HINT} greater than 0, got ${JSON.stringify(text)}`);
  }
  return total;
}

/** Whether durationToSeconds accepts `value`. */
export function isDuration(value: string | number): boolean {
  try {
    durationToSeconds(value);
    return true;
  } catch {
    return false;
  }
}
