import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { recordAuditEvent } from "@updraft/platform";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, memberWithRole } from "../test-support/api-callers";
import { sampleDagYaml } from "../test-support/sample-dags";
import { parseAuditQuery } from "./audit-filters";
import { exportAuditCsv } from "./export-audit-csv";

const testDb = useTestDatabase();

describe("audit log", () => {
  let owner: Awaited<ReturnType<typeof memberWithRole>>;
  let operator: Awaited<ReturnType<typeof memberWithRole>>;

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    owner = await memberWithRole(testDb.db, "acme", "OWNER");
    operator = await memberWithRole(testDb.db, "acme", "OPERATOR");
    const fromOffice = callerFor(testDb.db, owner.user, "203.0.113.10");
    await fromOffice.dags.upload({ tenantSlug: "acme", fileName: "etl.yaml", source: sampleDagYaml() });
    await fromOffice.dags.upload({ tenantSlug: "acme", fileName: "bad.yaml", source: "dag_id: [" });
    await callerFor(testDb.db, operator.user, "198.51.100.20").dags.trigger({ tenantSlug: "acme", dagId: "etl_daily" });
    await fromOffice.secrets.set({ tenantSlug: "acme", name: "warehouse_token", value: "s3cr3t-value-123" });
    await fromOffice.connections.create({ tenantSlug: "acme", connId: "warehouse", connType: "postgres", host: "db", password: "hunter2-password" });
    const other = await memberWithRole(testDb.db, "globex", "OWNER");
    await other.caller.dags.upload({ tenantSlug: "globex", fileName: "g.yaml", source: sampleDagYaml("globex_dag") });
  });

  it("records who changed what, from which IP, for the tenant's admins only", async () => {
    const { events, nextCursor } = await owner.caller.audit.list({ tenantSlug: "acme" });
    expect(nextCursor).toBeNull();
    expect(events.map((e) => [e.action, e.target, e.actorLabel, e.ip])).toEqual([
      ["connection.create", "warehouse", owner.user.email, "203.0.113.10"],
      ["secret.set", "warehouse_token", owner.user.email, "203.0.113.10"],
      ["dag.trigger", "etl_daily", operator.user.email, "198.51.100.20"],
      // The rejected upload stored nothing and is not an event.
      ["dag.upload", "etl_daily", owner.user.email, "203.0.113.10"],
    ]);
    expect(events[3]?.details).toEqual({ fileName: "etl.yaml", version: 1, unchanged: false });
    await expect(operator.caller.audit.list({ tenantSlug: "acme" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("never writes secret values or passwords into events", async () => {
    const all = await testDb.db.auditEvent.findMany();
    const text = JSON.stringify(all, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(text).not.toContain("s3cr3t-value-123");
    expect(text).not.toContain("hunter2-password");
  });

  it("filters by action (exact or area), actor and dates, and pages with a cursor", async () => {
    const list = (filters: Record<string, unknown>) => owner.caller.audit.list({ tenantSlug: "acme", ...filters });
    expect((await list({ action: "dag.trigger" })).events.map((e) => e.action)).toEqual(["dag.trigger"]);
    expect((await list({ action: "dag." })).events.map((e) => e.action)).toEqual(["dag.trigger", "dag.upload"]);
    expect((await list({ actor: operator.user.email.toUpperCase().slice(0, 10) })).events.map((e) => e.action)).toEqual(["dag.trigger"]);
    expect((await list({ from: "2000-01-01", to: "2000-12-31" })).events).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await list({ from: today, to: today })).events).toHaveLength(4);

    const first = await list({ limit: 3 });
    expect(first.events).toHaveLength(3);
    const second = await list({ limit: 3, cursor: first.nextCursor });
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.events.map((e) => e.action)).toEqual(["dag.upload"]);

    await expect(list({ from: "yesterday" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Dates look like 2025-03-01") });
  });

  it("exports the filtered events as CSV, quoting commas, quotes and line breaks and defusing formulas", async () => {
    await recordAuditEvent(testDb.db, {
      tenantId: owner.tenant.id,
      actor: { label: '=HYPERLINK("http://evil")' },
      action: "test.csv",
      target: 'a "quoted", multi\nline target',
      details: { note: "x,y" },
      ip: "192.0.2.1",
    });
    const parsed = parseAuditQuery(new URLSearchParams({ action: "test.csv" }));
    if (!parsed.ok) throw new Error(parsed.message);
    const csv = await exportAuditCsv(testDb.db, { tenantId: owner.tenant.id, filters: parsed.filters });
    const [header, row, end] = csv.split("\r\n");
    expect(header).toBe("time,actor,action,target_type,target,ip,details");
    expect(row).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,/);
    expect(row?.slice(row.indexOf(",") + 1)).toBe(
      `"'=HYPERLINK(""http://evil"")",test.csv,,"a ""quoted"", multi\nline target",192.0.2.1,"{""note"":""x,y""}"`,
    );
    expect(end).toBe("");

    const everything = await exportAuditCsv(testDb.db, { tenantId: owner.tenant.id, filters: {} });
    expect(everything.split("\r\n").filter(Boolean)).toHaveLength(1 + 5);
    expect(everything).not.toContain("globex_dag");
    expect(parseAuditQuery(new URLSearchParams({ to: "31/12/2025" }))).toEqual({ ok: false, message: expect.stringContaining("to:") });
  });
});
