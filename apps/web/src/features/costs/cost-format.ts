/** Money in the tenant's currency ("$1,234.57"); tiny amounts keep up to 4 decimals so they do not read as 0. */
export function moneyFormatter(currency: string, locale?: string): { format(value: number): string } {
  const safe = /^[A-Z]{3}$/.test(currency) ? currency : "USD";
  const normal = new Intl.NumberFormat(locale, { style: "currency", currency: safe });
  const small = new Intl.NumberFormat(locale, { style: "currency", currency: safe, maximumFractionDigits: 4 });
  return { format: (value) => (value !== 0 && Math.abs(value) < 0.01 ? small : normal).format(value) };
}

export interface DayRange {
  from: string;
  to: string;
}

/** The last 30 UTC days up to `now`, both included. */
export function defaultRange(now: Date = new Date()): DayRange {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/** What is wrong with the range, or null. */
export function rangeProblem(range: DayRange): string | null {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(range.from) || !day.test(range.to)) return "Pick both days of the range.";
  if (range.from > range.to) return "The range must start on or before its last day.";
  return null;
}

type Cell = string | number | null | undefined;

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; formula-looking text is defused. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const field = (cell: Cell) => {
    if (cell === null || cell === undefined) return "";
    let text = String(cell);
    if (typeof cell === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

/** Saves `csv` as a file in the browser. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Rows of {period, [dagId]: cost} for a stacked chart. */
export function stackByDag(rows: readonly { period: string; dagId: string; cost: number }[]): Record<string, string | number>[] {
  const byPeriod = new Map<string, Record<string, string | number>>();
  for (const row of rows) {
    const entry = byPeriod.get(row.period) ?? { period: row.period };
    entry[row.dagId] = (Number(entry[row.dagId] ?? 0) || 0) + row.cost;
    byPeriod.set(row.period, entry);
  }
  return [...byPeriod.values()].sort((a, b) => String(a.period).localeCompare(String(b.period)));
}

export function percent(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
}
