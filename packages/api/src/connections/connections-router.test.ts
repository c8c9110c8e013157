import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole, type Caller } from "../test-support/api-callers";
import { pendingJobs } from "../test-support/pending-jobs";

const testDb = useTestDatabase();
const tenantSlug = "hooli";
const PASSWORD = "c0rrect-h0rse-battery";

describe("connections router", () => {
  let admin: Caller;
  let author: Caller;
  let viewer: Caller;
  let tenantId: string;

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    const owner = await memberWithRole(testDb.db, tenantSlug, "ADMIN");
    admin = owner.caller;
    tenantId = owner.tenant.id;
    ({ caller: author } = await memberWithRole(testDb.db, tenantSlug, "AUTHOR"));
    ({ caller: viewer } = await memberWithRole(testDb.db, tenantSlug, "VIEWER"));
  });

  it("lets an ADMIN create a connection with a password that no read returns and the database holds only encrypted", async () => {
    const created = await admin.connections.create({
      tenantSlug,
      connId: "warehouse",
      connType: "postgres",
      host: "db.hooli.xyz",
      port: 5432,
      login: "etl",
      password: PASSWORD,
      schema: "analytics",
      extra: { sslmode: "require" },
    });
    expect(created).toMatchObject({ connId: "warehouse", hasPassword: true, uri: "postgres://etl:***@db.hooli.xyz:5432/analytics?sslmode=require" });

    const list = await viewer.connections.list({ tenantSlug });
    const one = await viewer.connections.get({ tenantSlug, connId: "warehouse" });
    for (const read of [created, list, one]) expect(JSON.stringify(read)).not.toContain(PASSWORD);
    expect(one).toMatchObject({ hasPassword: true, passwordUpdatedAt: expect.any(Date), extra: { sslmode: "require" } });

    const raw = await testDb.db.$queryRaw<{ password_encrypted: string }[]>`
      SELECT password_encrypted FROM connections WHERE conn_id = 'warehouse'`;
    expect(raw[0]?.password_encrypted).toMatch(/^v1\./);
    expect(raw[0]?.password_encrypted).not.toContain(PASSWORD);

    const audit = await testDb.db.auditEvent.findFirstOrThrow({ where: { tenantId, action: "connection.create", target: "warehouse" } });
    expect(audit.targetType).toBe("connection");
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain(PASSWORD);
    expect((await pendingJobs(testDb.db, "provision_tenant")).map((j) => j.payload.tenantId)).toContain(tenantId);
  });

  it("lets an AUTHOR create and edit a connection's other fields, but not set or clear its password (FORBIDDEN)", async () => {
    // An empty password field from the form means "no password".
    await author.connections.create({ tenantSlug, connId: "api", connType: "http", host: "api.hooli.xyz", password: "" });
    await expect(
      author.connections.create({ tenantSlug, connId: "api2", connType: "http", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("needs the ADMIN role") });
    await expect(
      author.connections.update({ tenantSlug, connId: "api", changes: { password: PASSWORD } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Setting a connection password") });
    await expect(
      author.connections.importUri({ tenantSlug, connId: "api3", uri: `http://bot:${PASSWORD}@api.hooli.xyz` }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await admin.connections.update({ tenantSlug, connId: "api", changes: { password: PASSWORD } });
    const edited = await author.connections.update({ tenantSlug, connId: "api", changes: { host: "api2.hooli.xyz", password: "" } });
    expect(edited).toMatchObject({ host: "api2.hooli.xyz", hasPassword: true });
    await expect(author.connections.update({ tenantSlug, connId: "api", changes: { password: null } })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Clearing a connection password"),
    });
    await expect(author.connections.delete({ tenantSlug, connId: "api" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await viewer.connections.get({ tenantSlug, connId: "api" })).hasPassword).toBe(true);
    expect(await testDb.db.connection.count({ where: { connId: { in: ["api2", "api3"] } } })).toBe(0);

    const update = await testDb.db.auditEvent.findFirstOrThrow({ where: { tenantId, action: "connection.update", target: "api" }, orderBy: { id: "desc" } });
    expect(update.details).toEqual({ fields: ["host"] });
  });

  it("imports an Airflow URI and deletes connections, auditing both", async () => {
    const imported = await admin.connections.importUri({
      tenantSlug,
      connId: "cache",
      uri: "redis://:s3cret%2Fpw@cache.hooli.xyz:6379/0",
    });
    expect(imported).toMatchObject({ connType: "redis", host: "cache.hooli.xyz", port: 6379, schema: "0", hasPassword: true });
    expect(imported.uri).toBe("redis://:***@cache.hooli.xyz:6379/0");
    await admin.connections.delete({ tenantSlug, connId: "cache" });
    expect((await viewer.connections.list({ tenantSlug })).map((c) => c.connId)).not.toContain("cache");
    const actions = await testDb.db.auditEvent.findMany({ where: { tenantId, target: "cache" }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["connection.create", "connection.delete"]);
    expect(JSON.stringify(actions.map((a) => ({ ...a, id: String(a.id) })))).not.toContain("s3cret");
  });

  it("refuses VIEWERs and OPERATORs any change", async () => {
    const { caller: operator } = await memberWithRole(testDb.db, tenantSlug, "OPERATOR");
    for (const caller of [viewer, operator]) {
      await expect(caller.connections.create({ tenantSlug, connId: "nope", connType: "http" })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringContaining("AUTHOR"),
      });
      await expect(caller.connections.update({ tenantSlug, connId: "warehouse", changes: { host: "x" } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(caller.connections.delete({ tenantSlug, connId: "warehouse" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await viewer.connections.get({ tenantSlug, connId: "warehouse" })).host).toBe("db.hooli.xyz");
  });

  it("explains bad input as BAD_REQUEST and stores nothing", async () => {
    await expect(admin.connections.create({ tenantSlug, connId: "Bad Id", connType: "postgres" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Connection ids are 1-200 characters of a-z, 0-9 and _"),
    });
    await expect(admin.connections.create({ tenantSlug, connId: "ok_id", connType: "postgres", port: 70000 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("from 1 to 65535"),
    });
    await expect(admin.connections.importUri({ tenantSlug, connId: "ok_id", uri: "not a uri" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("This is not a valid connection URI"),
    });
    await expect(admin.connections.get({ tenantSlug, connId: "ok_id" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: 'There is no connection "ok_id" in this tenant. Create it on the Connections page.',
    });
  });

  it("keeps connections per tenant", async () => {
    const other = await memberWithRole(testDb.db, "pied-piper", "OWNER");
    expect(await other.caller.connections.list({ tenantSlug: "pied-piper" })).toEqual([]);
    await expect(other.caller.connections.list({ tenantSlug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.connections.get({ tenantSlug: "pied-piper", connId: "warehouse" })).rejects.toMatchObject({
      message: expect.stringContaining('There is no connection "warehouse"'),
    });
    await expect(other.caller.connections.delete({ tenantSlug: "pied-piper", connId: "warehouse" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await viewer.connections.list({ tenantSlug })).map((c) => c.connId)).toContain("warehouse");
  });
});
