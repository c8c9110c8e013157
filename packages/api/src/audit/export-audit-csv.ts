import type { Db } from "@updraft/db";
import { auditEventsToCsv, listAuditEvents, type AuditEventFilters } from "@updraft/platform";

/** At most this many events go into one export (narrow the dates for more). */
export const MAX_AUDIT_EXPORT_ROWS = 100_000;

/**
 * The tenant's filtered audit events as CSV (newest first), read page by page.
 * The REST route GET /api/v1/tenants/:slug/audit.csv answers with this.
 */
export async function exportAuditCsv(db: Db, input: { tenantId: string; filters: AuditEventFilters }): Promise<string> {
  const parts: string[] = [auditEventsToCsv([])];
  let cursor: string | null = null;
  let rows = 0;
  do {
    const page = await listAuditEvents(db, { tenantId: input.tenantId, filters: input.filters, cursor, limit: 1000 });
    parts.push(auditEventsToCsv(page.events, { header: false }));
    rows += page.events.length;
    cursor = page.nextCursor;
  } while (cursor && rows < MAX_AUDIT_EXPORT_ROWS);
  return parts.join("");
}
