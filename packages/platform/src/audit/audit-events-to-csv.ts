import type { AuditEventView } from "./list-audit-events";

export const AUDIT_CSV_HEADER = ["time", "actor", "action", "target_type", "target", "ip", "details"] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break,
 * quotes doubled. Text a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return first) gets a leading apostrophe so opening the export is safe.
 */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The events as CSV text: a header line, then one line per event (CRLF line ends, as RFC 4180 says). */
export function auditEventsToCsv(events: readonly AuditEventView[], options: { header?: boolean } = {}): string {
  const lines: string[] = [];
  if (options.header !== false) lines.push(AUDIT_CSV_HEADER.join(","));
  for (const event of events) {
    lines.push(
      [
        event.createdAt.toISOString(),
        event.actorLabel,
        event.action,
        event.targetType,
        event.target,
        event.ip,
        event.details === null || event.details === undefined ? null : JSON.stringify(event.details),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return lines.length === 0 ? "" : `${lines.join("\r\n")}\r\n`;
}
