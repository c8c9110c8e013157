import { addMembership, createTenant, createUser } from "@updraft/db";
import { beforeAll, describe, expect, it } from "vitest";
import { handleAuditCsv } from "./handle-audit-csv";
import { useWebTestDatabase } from "./testing/web-test-database";

const t = useWebTestDatabase();

type User = { id: string; email: string; isPlatformAdmin: boolean };
let admin: User;
let author: User;
let outsider: User;

const asUser = (u: User) => ({ id: u.id, email: u.email, isPlatformAdmin: u.isPlatformAdmin });

function get(query = "", user: User | null = admin, headers: Record<string, string> = {}) {
  return handleAuditCsv(new Request(`http://localhost/api/v1/tenants/acme/audit.csv${query}`, { headers }), "acme", {
    db: t.db,
    user: user ? asUser(user) : null,
    now: new Date("2025-03-05T12:00:00Z"),
  });
}

beforeAll(async () => {
  const acme = await createTenant(t.db, { slug: "acme" });
  const globex = await createTenant(t.db, { slug: "globex" });
  admin = await createUser(t.db, { email: "admin@example.com" });
  author = await createUser(t.db, { email: "author@example.com" });
  outsider = await createUser(t.db, { email: "outsider@example.com" });
  await addMembership(t.db, { userId: admin.id, tenantId: acme.id, role: "ADMIN" });
  await addMembership(t.db, { userId: author.id, tenantId: acme.id, role: "AUTHOR" });
  await addMembership(t.db, { userId: outsider.id, tenantId: globex.id, role: "OWNER" });
  await t.db.auditEvent.createMany({
    data: [
      { tenantId: acme.id, actorLabel: "token ci-deploy", action: "dag.deploy", targetType: "dag", target: "etl", ip: "10.0.0.7", details: { dags: [{ dagId: "etl", version: 3 }] }, createdAt: new Date("2025-03-01T06:00:00Z") },
      { tenantId: acme.id, actorLabel: "admin@example.com", action: "member.change_role", targetType: "user", target: "author@example.com", createdAt: new Date("2025-03-02T09:30:00Z") },
      { tenantId: acme.id, actorLabel: "=HYPERLINK(\"x\")", action: "dag.upload", target: "a,b", createdAt: new Date("2025-03-03T10:00:00Z") },
      { tenantId: globex.id, actorLabel: "outsider@example.com", action: "dag.upload", target: "secret-dag", createdAt: new Date("2025-03-02T00:00:00Z") },
    ],
  });
});

describe("GET /api/v1/tenants/:slug/audit.csv", () => {
  it("gives an admin the tenant's events as a CSV download, newest first", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="audit-acme-2025-03-05.csv"');
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines).toEqual([
      "time,actor,action,target_type,target,ip,details",
      `2025-03-03T10:00:00.000Z,"'=HYPERLINK(""x"")",dag.upload,,"a,b",,`,
      "2025-03-02T09:30:00.000Z,admin@example.com,member.change_role,user,author@example.com,,",
      '2025-03-01T06:00:00.000Z,token ci-deploy,dag.deploy,dag,etl,10.0.0.7,"{""dags"":[{""dagId"":""etl"",""version"":3}]}"',
    ]);
  });

  it("applies the filters from the query string", async () => {
    const byAction = (await (await get("?action=dag.")).text()).trimEnd().split("\r\n");
    expect(byAction.map((l) => l.split(",")[0])).toEqual(["time", "2025-03-03T10:00:00.000Z", "2025-03-01T06:00:00.000Z"]);
    const byActor = (await (await get("?actor=TOKEN")).text()).trimEnd().split("\r\n");
    expect(byActor).toHaveLength(2);
    expect(byActor[1]).toContain("token ci-deploy");
    const byDates = (await (await get("?from=2025-03-02&to=2025-03-02")).text()).trimEnd().split("\r\n");
    expect(byDates.slice(1).map((l) => l.split(",")[2])).toEqual(["member.change_role"]);
  });

  it("refuses a bad filter with 400 and what a date looks like", async () => {
    const response = await get("?from=yesterday");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^Bad filter: from: .*2025-03-01/);
  });

  it("refuses non-admins, other tenants' members, anonymous callers and API tokens", async () => {
    const denied = async (response: Promise<Response>) => {
      const r = await response;
      return [r.status, ((await r.json()) as { error: string }).error];
    };
    expect(await denied(get("", author))).toEqual([403, expect.stringContaining("ADMIN role")]);
    expect(await denied(get("", outsider))).toEqual([404, "Tenant not found"]);
    expect(await denied(get("", null))).toEqual([401, expect.stringContaining("sign in")]);
    expect((await get("", admin, { authorization: "Bearer upd_x" })).status).toBe(401);
  });
});
