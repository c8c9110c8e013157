import { describe, expect, it } from "vitest";
import { tenantNavLinks } from "./tenant-nav-links";

const labels = (role: string | undefined) => tenantNavLinks("acme", role).map((l) => l.label);

describe("tenantNavLinks", () => {
  it("shows API tokens and the audit log to admins and owners only", () => {
    expect(labels("OWNER")).toEqual(["DAGs", "Costs", "Pools", "Connections", "Secrets", "Members", "API tokens", "Audit log"]);
    expect(labels("ADMIN")).toContain("Audit log");
    expect(labels("AUTHOR")).toEqual(["DAGs", "Costs", "Pools", "Connections", "Secrets", "Members"]);
    expect(labels(undefined)).not.toContain("API tokens");
  });

  it("links inside the tenant", () => {
    expect(tenantNavLinks("data team", "VIEWER")[0]?.href).toBe("/t/data%20team/dags");
  });
});
