export interface DateTextParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Offset from UTC in minutes when the text carries one (Z = 0), otherwise null. */
  offsetMinutes: number | null;
}

export const DATE_HINT =
  "a date like 2025-01-01 or a date-time like 2025-01-01T06:00:00 (optionally ending in Z or an offset like +02:00)";

const DATE_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?[ ]?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits `2025-01-01`, `2025-01-01T06:30`, `2025-01-01 06:30:00.5+02:00` … into parts; null if not a valid date. */
export function parseDateText(text: string): DateTextParts | null {
  const match = DATE_TEXT.exec(text.trim());
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, frac, zulu, sign, offH, offM] = match;
  const parts: DateTextParts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millisecond: frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000),
    offsetMinutes: null,
  };
  if (zulu !== undefined) parts.offsetMinutes = 0;
  else if (sign !== undefined) {
    const hours = Number(offH);
    const minutes = Number(offM);
    if (hours > 23 || minutes > 59) return null;
    parts.offsetMinutes = (sign === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  if (parts.year < 1900) return null;
  if (parts.month < 1 || parts.month > 12) return null;
  if (parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) return null;
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  return parts;
}
