import { describe, expect, it } from "vitest";
import { auditCsvHref, auditFiltersFrom, auditFiltersProblem, NO_AUDIT_FILTERS } from "./audit-filters";

describe("auditCsvHref", () => {
  it("exports the whole log when nothing is filtered", () => {
    expect(auditCsvHref("acme", NO_AUDIT_FILTERS)).toBe("/api/v1/tenants/acme/audit.csv");
  });

  it("passes the table's filters to the export", () => {
    const href = auditCsvHref("acme", { action: "connection.create", actor: " ada@example.com ", from: "2026-01-01", to: "" });
    expect(href).toBe("/api/v1/tenants/acme/audit.csv?action=connection.create&actor=ada%40example.com&from=2026-01-01");
  });

  it("reads filters back from a query string", () => {
    expect(auditFiltersFrom(new URLSearchParams("action=dag.upload&to=2026-02-01"))).toEqual({
      action: "dag.upload",
      actor: "",
      from: "",
      to: "2026-02-01",
    });
  });
});

describe("auditFiltersProblem", () => {
  it("explains a from date after the to date", () => {
    expect(auditFiltersProblem({ ...NO_AUDIT_FILTERS, from: "2026-03-02", to: "2026-03-01" })).toMatch(/after/);
    expect(auditFiltersProblem({ ...NO_AUDIT_FILTERS, from: "2026-03-01", to: "2026-03-01" })).toBeNull();
  });
});
