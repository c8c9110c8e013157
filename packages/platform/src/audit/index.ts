export { recordAuditEvent, type AuditActor, type AuditEventInput } from "./record-audit-event";
export {
  listAuditEvents,
  MAX_AUDIT_PAGE_SIZE,
  type AuditEventFilters,
  type AuditEventPage,
  type AuditEventView,
} from "./list-audit-events";
export { auditEventsToCsv, csvField, AUDIT_CSV_HEADER } from "./audit-events-to-csv";
