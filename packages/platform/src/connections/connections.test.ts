import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { UserError } from "@updraft/engine";
import { ensureJobQueue, newTenant, pendingJobs } from "@updraft/engine/testing";
import { AccessDeniedError } from "../members/access-denied-error";
import { testSecretKeyring } from "../secrets/test-secret-key";
import { createConnection } from "./create-connection";
import { deleteConnection } from "./delete-connection";
import { getConnection } from "./get-connection";
import { importConnectionUri } from "./import-connection-uri";
import { listConnections } from "./list-connections";
import { updateConnection } from "./update-connection";

const t = useTestDatabase();
const keyring = testSecretKeyring();
const PASSWORD = "Tr0ub4dor&3-horse";

async function rawConnection(tenantId: string, connId: string) {
  const rows = await t.db.$queryRaw<Record<string, unknown>[]>`
    SELECT * FROM connections WHERE tenant_id = ${tenantId}::uuid AND conn_id = ${connId}`;
  return rows[0];
}

async function provisioningRequests(tenantId: string): Promise<number> {
  return (await pendingJobs(t.db, "provision_tenant")).filter((j) => j.payload.tenantId === tenantId).length;
}

beforeAll(async () => {
  await ensureJobQueue(t.url);
});

describe("connections", () => {
  it("creates a connection with its password and extra encrypted, and reads never return the password", async () => {
    const tenantId = await newTenant(t.db, "conn-create");
    const view = await createConnection(t.db, keyring, {
      tenantId,
      canSetSecrets: true,
      connection: {
        connId: "warehouse",
        connType: "postgres",
        description: "The analytics warehouse",
        host: "db.example.com",
        port: 5432,
        login: "etl",
        password: PASSWORD,
        schema: "analytics",
        extra: '{"sslmode": "require"}',
      },
    });
    expect(view).toMatchObject({
      connId: "warehouse",
      connType: "postgres",
      host: "db.example.com",
      port: 5432,
      login: "etl",
      schema: "analytics",
      extra: { sslmode: "require" },
      hasPassword: true,
      uri: "postgres://etl:***@db.example.com:5432/analytics?sslmode=require",
      envNames: ["UPDRAFT_CONN_WAREHOUSE", "AIRFLOW_CONN_WAREHOUSE"],
    });
    expect(view.passwordUpdatedAt).toBeInstanceOf(Date);

    for (const read of [view, await getConnection(t.db, keyring, { tenantId, connId: "warehouse" }), ...(await listConnections(t.db, keyring, { tenantId }))]) {
      expect(JSON.stringify(read)).not.toContain(PASSWORD);
      expect(read).not.toHaveProperty("password");
    }

    const raw = await rawConnection(tenantId, "warehouse");
    expect(JSON.stringify(raw)).not.toContain(PASSWORD);
    expect(JSON.stringify(raw)).not.toContain("sslmode");
    expect(raw?.password_encrypted).toMatch(new RegExp(`^v1\\.${keyring.currentKid}\\.`));
    expect(raw?.extra_encrypted).toMatch(/^v1\./);
    expect(await provisioningRequests(tenantId)).toBe(1);
  });

  it("lists connections by id, per tenant", async () => {
    const tenantId = await newTenant(t.db, "conn-list");
    const other = await newTenant(t.db, "conn-list-other");
    for (const connId of ["zeta", "alpha"]) {
      await createConnection(t.db, keyring, { tenantId, canSetSecrets: false, connection: { connId, connType: "http", host: "h" } });
    }
    await createConnection(t.db, keyring, { tenantId: other, canSetSecrets: false, connection: { connId: "alpha", connType: "mysql" } });
    expect((await listConnections(t.db, keyring, { tenantId })).map((c) => [c.connId, c.connType])).toEqual([
      ["alpha", "http"],
      ["zeta", "http"],
    ]);
    await expect(getConnection(t.db, keyring, { tenantId: other, connId: "zeta" })).rejects.toThrow(
      'There is no connection "zeta" in this tenant. Create it on the Connections page.',
    );
  });

  it("lets an Author create and edit non-secret fields but not set, clear or delete-with a password", async () => {
    const tenantId = await newTenant(t.db, "conn-author");
    await expect(
      createConnection(t.db, keyring, { tenantId, canSetSecrets: false, connection: { connId: "db", connType: "postgres", password: PASSWORD } }),
    ).rejects.toThrow(AccessDeniedError);
    expect(await t.db.connection.count({ where: { tenantId } })).toBe(0);

    await createConnection(t.db, keyring, { tenantId, canSetSecrets: false, connection: { connId: "db", connType: "postgres", host: "old" } });
    const edited = await updateConnection(t.db, keyring, { tenantId, connId: "db", canSetSecrets: false, changes: { host: "new-host", port: 6543 } });
    expect(edited).toMatchObject({ host: "new-host", port: 6543, hasPassword: false });

    await expect(
      updateConnection(t.db, keyring, { tenantId, connId: "db", canSetSecrets: false, changes: { host: "sneaky", password: PASSWORD } }),
    ).rejects.toThrow("Setting a connection password needs the ADMIN role (or higher)");
    expect((await getConnection(t.db, keyring, { tenantId, connId: "db" })).host).toBe("new-host");

    // An admin sets the password; the author may still edit the host, which keeps it.
    await updateConnection(t.db, keyring, { tenantId, connId: "db", canSetSecrets: true, changes: { password: PASSWORD } });
    const before = await rawConnection(tenantId, "db");
    const hostOnly = await updateConnection(t.db, keyring, { tenantId, connId: "db", canSetSecrets: false, changes: { host: "third" } });
    expect(hostOnly).toMatchObject({ host: "third", hasPassword: true });
    expect((await rawConnection(tenantId, "db"))?.password_encrypted).toBe(before?.password_encrypted);

    await expect(
      updateConnection(t.db, keyring, { tenantId, connId: "db", canSetSecrets: false, changes: { password: null } }),
    ).rejects.toThrow("Clearing a connection password needs the ADMIN role");
    await expect(deleteConnection(t.db, { tenantId, connId: "db", canSetSecrets: false })).rejects.toThrow(
      'Deleting connection "db", which has a password, needs the ADMIN role (or higher). Ask a tenant admin to delete it.',
    );
    await expect(
      importConnectionUri(t.db, keyring, { tenantId, connId: "from_uri", uri: "postgres://u:pw@h/db", canSetSecrets: false }),
    ).rejects.toThrow("Importing a URI with a password (user:password@host) needs the ADMIN role");
    expect((await getConnection(t.db, keyring, { tenantId, connId: "db" })).hasPassword).toBe(true);
  });

  it("sets, keeps and clears passwords and fields for an Admin, and deletes", async () => {
    const tenantId = await newTenant(t.db, "conn-admin");
    await createConnection(t.db, keyring, {
      tenantId,
      canSetSecrets: true,
      connection: { connId: "api", connType: "http", host: "api.example.com", login: "bot", password: "first-pass", extra: { a: "1" } },
    });
    const first = await t.db.connection.findFirstOrThrow({ where: { tenantId, connId: "api" } });
    const changed = await updateConnection(t.db, keyring, {
      tenantId,
      connId: "api",
      canSetSecrets: true,
      changes: { password: "second-pass", login: null, extra: null, description: "" },
    });
    expect(changed).toMatchObject({ login: null, extra: null, description: null, hasPassword: true });
    const second = await t.db.connection.findFirstOrThrow({ where: { tenantId, connId: "api" } });
    expect(second.passwordEncrypted).not.toBe(first.passwordEncrypted);
    expect(second.extraEncrypted).toBeNull();
    expect(second.passwordUpdatedAt!.getTime()).toBeGreaterThanOrEqual(first.passwordUpdatedAt!.getTime());

    const cleared = await updateConnection(t.db, keyring, { tenantId, connId: "api", canSetSecrets: true, changes: { password: null } });
    expect(cleared).toMatchObject({ hasPassword: false, passwordUpdatedAt: null, uri: "http://api.example.com" });

    await deleteConnection(t.db, { tenantId, connId: "api", canSetSecrets: false });
    expect(await listConnections(t.db, keyring, { tenantId })).toEqual([]);
    await expect(deleteConnection(t.db, { tenantId, connId: "api", canSetSecrets: true })).rejects.toThrow('There is no connection "api"');
    await expect(
      updateConnection(t.db, keyring, { tenantId, connId: "api", canSetSecrets: true, changes: { host: "x" } }),
    ).rejects.toThrow('There is no connection "api"');
  });

  it("imports an Airflow URI, decoding the password, and exports it redacted", async () => {
    const tenantId = await newTenant(t.db, "conn-import");
    const view = await importConnectionUri(t.db, keyring, {
      tenantId,
      connId: "warehouse",
      uri: "postgresql://etl:p%40ss%2Fword@db.example.com:5432/analytics?sslmode=require",
      description: "imported",
      canSetSecrets: true,
    });
    expect(view).toMatchObject({
      connType: "postgres",
      login: "etl",
      hasPassword: true,
      description: "imported",
      uri: "postgres://etl:***@db.example.com:5432/analytics?sslmode=require",
    });
    const row = await t.db.connection.findFirstOrThrow({ where: { tenantId, connId: "warehouse" } });
    expect(keyring.decrypt(row.passwordEncrypted!, `${tenantId}:connection.password:warehouse`)).toBe("p@ss/word");

    await expect(
      importConnectionUri(t.db, keyring, { tenantId, connId: "broken", uri: "postgres://u:p@h:70000/db", canSetSecrets: true }),
    ).rejects.toThrow('the port "70000" is not a number from 1 to 65535');
    expect(await t.db.connection.count({ where: { tenantId } })).toBe(1);
  });

  it("rejects bad input with messages that say how to fix it, storing nothing", async () => {
    const tenantId = await newTenant(t.db, "conn-rules");
    const create = (connection: Parameters<typeof createConnection>[2]["connection"]) =>
      createConnection(t.db, keyring, { tenantId, canSetSecrets: true, connection });
    const cases: [Parameters<typeof create>[0], string][] = [
      [{ connId: "Warehouse DB", connType: "postgres" }, "Connection ids are 1-200 characters of a-z, 0-9 and _"],
      [{ connId: "x".repeat(201), connType: "postgres" }, "Connection ids are 1-200 characters"],
      [{ connId: "db", connType: "Postgres SQL" }, "Connection types start with a letter"],
      [{ connId: "db", connType: "postgres", port: 0 }, "The port must be a number from 1 to 65535"],
      [{ connId: "db", connType: "postgres", port: 5432.5 }, "whole number"],
      [{ connId: "db", connType: "postgres", extra: "{nope" }, "Extra is not valid JSON"],
      [{ connId: "db", connType: "postgres", extra: "[1, 2]" }, "Extra must be a JSON object"],
      [{ connId: "db", connType: "postgres", password: "" }, "The password cannot be empty"],
    ];
    for (const [input, message] of cases) {
      await expect(create(input), message).rejects.toThrow(UserError);
      await expect(create(input), message).rejects.toThrow(message);
    }
    expect(await t.db.connection.count({ where: { tenantId } })).toBe(0);
    expect(await provisioningRequests(tenantId)).toBe(0);

    await create({ connId: "db", connType: "postgres" });
    await expect(create({ connId: "db", connType: "mysql" })).rejects.toThrow(
      'A connection "db" already exists in this tenant: edit it, or pick another id.',
    );
  });

  it("binds each encrypted value to its row: a password copied to another connection does not decrypt", async () => {
    const tenantId = await newTenant(t.db, "conn-aad");
    await createConnection(t.db, keyring, { tenantId, canSetSecrets: true, connection: { connId: "a", connType: "http", extra: { k: "v" } } });
    await createConnection(t.db, keyring, { tenantId, canSetSecrets: true, connection: { connId: "b", connType: "http" } });
    const a = await t.db.connection.findFirstOrThrow({ where: { tenantId, connId: "a" } });
    await t.db.connection.updateMany({ where: { tenantId, connId: "b" }, data: { extraEncrypted: a.extraEncrypted } });
    await expect(getConnection(t.db, keyring, { tenantId, connId: "b" })).rejects.toThrow(
      /Cannot decrypt the extra of connection "b".*failed its integrity check/,
    );
  });
});
