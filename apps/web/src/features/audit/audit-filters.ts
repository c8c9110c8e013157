/** The audit log's filters as typed in the form (dates as yyyy-mm-dd from <input type="date">). */
export interface AuditFilters {
  action: string;
  actor: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { action: "", actor: "", from: "", to: "" };

/** The non-empty filters as URL query parameters (the CSV export takes the same ones). */
export function auditFilterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["action", "actor", "from", "to"] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** The CSV export of the tenant's audit log with the same filters as the table. */
export function auditCsvHref(tenantSlug: string, filters: AuditFilters): string {
  const query = auditFilterParams(filters).toString();
  return `/api/v1/tenants/${encodeURIComponent(tenantSlug)}/audit.csv${query ? `?${query}` : ""}`;
}

/** Filters read back from a page's query string (unknown keys ignored). */
export function auditFiltersFrom(search: URLSearchParams): AuditFilters {
  return {
    action: search.get("action") ?? "",
    actor: search.get("actor") ?? "",
    from: search.get("from") ?? "",
    to: search.get("to") ?? "",
  };
}

/** A "from" and "to" date that cannot both hold, in words (null when fine). */
export function auditFiltersProblem(filters: AuditFilters): string | null {
  if (filters.from && filters.to && filters.from > filters.to) {
    return `"From" (${filters.from}) is after "to" (${filters.to}); swap them or clear one.`;
  }
  return null;
}
