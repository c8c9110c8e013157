import { useTestDatabase } from "@updraft/db/testing";
import { verifyApiToken } from "@updraft/platform";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";

const testDb = useTestDatabase();

describe("API tokens", () => {
  let admin: Awaited<ReturnType<typeof memberWithRole>>;

  beforeAll(async () => {
    admin = await memberWithRole(testDb.db, "acme", "ADMIN");
  });

  it("shows a new token once; lists show its prefix, role, creator and expiry but never the token", async () => {
    const created = await admin.caller.tokens.create({ tenantSlug: "acme", name: " ci-deploy ", role: "AUTHOR", expiresInDays: 90 });
    expect(created.token).toMatch(/^upd_[0-9A-Za-z]{40}$/);
    expect(created.apiToken).toMatchObject({ name: "ci-deploy", role: "AUTHOR", prefix: created.token.slice(0, 12), createdBy: admin.user.email, state: "active", lastUsedAt: null });
    expect(created.apiToken.expiresAt!.getTime() - created.apiToken.createdAt.getTime()).toBe(90 * 24 * 60 * 60 * 1000);

    const listed = await admin.caller.tokens.list({ tenantSlug: "acme" });
    expect(listed.find((t) => t.id === created.apiToken.id)).toEqual(created.apiToken);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const row = await testDb.db.apiToken.findUniqueOrThrow({ where: { id: created.apiToken.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const event = await testDb.db.auditEvent.findFirstOrThrow({ where: { action: "token.create", target: "ci-deploy" } });
    expect(JSON.stringify(event.details)).not.toContain(created.token);
  });

  it("verifies a good token and updates its last use at most once a minute", async () => {
    const { token, apiToken } = await admin.caller.tokens.create({ tenantSlug: "acme", name: "used", role: "OPERATOR", expiresInDays: 1 });
    const t0 = new Date(Date.now() + 1000);
    expect(await verifyApiToken(testDb.db, token, t0)).toEqual({
      ok: true,
      token: { id: apiToken.id, name: "used", tenantId: admin.tenant.id, tenantSlug: "acme", role: "OPERATOR" },
    });
    const lastUsed = async () => (await testDb.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt;
    expect(await lastUsed()).toEqual(t0);
    await verifyApiToken(testDb.db, token, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const t2 = new Date(t0.getTime() + 61_000);
    await verifyApiToken(testDb.db, token, t2);
    expect(await lastUsed()).toEqual(t2);
  });

  it("tells unknown, malformed, revoked and expired tokens apart", async () => {
    expect(await verifyApiToken(testDb.db, "upd_0000000000000000000000000000000000000000")).toEqual({ ok: false, status: 401, message: "invalid API token" });
    expect(await verifyApiToken(testDb.db, "hello")).toEqual({ ok: false, status: 401, message: "invalid API token" });

    const revoked = await admin.caller.tokens.create({ tenantSlug: "acme", name: "revoked", role: "VIEWER", expiresInDays: 5 });
    const view = await admin.caller.tokens.revoke({ tenantSlug: "acme", id: revoked.apiToken.id });
    expect(view.state).toBe("revoked");
    const refused = await verifyApiToken(testDb.db, revoked.token);
    expect(refused).toEqual({ ok: false, status: 401, message: expect.stringMatching(/^this API token was revoked on \d{4}-\d\d-\d\d \d\d:\d\d UTC$/) });

    const expiring = await admin.caller.tokens.create({ tenantSlug: "acme", name: "expiring", role: "VIEWER", expiresInDays: 1 });
    const expiresAt = expiring.apiToken.expiresAt!;
    expect((await verifyApiToken(testDb.db, expiring.token, new Date(expiresAt.getTime() - 1))).ok).toBe(true);
    expect(await verifyApiToken(testDb.db, expiring.token, expiresAt)).toEqual({
      ok: false,
      status: 401,
      message: `this API token expired on ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    });
    expect((await admin.caller.tokens.list({ tenantSlug: "acme" })).find((t) => t.name === "revoked")?.state).toBe("revoked");
  });

  it("refuses a token stronger than its creator, lifetimes outside 1–365 days and duplicate names", async () => {
    await expect(admin.caller.tokens.create({ tenantSlug: "acme", name: "boss", role: "OWNER", expiresInDays: 30 })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("A token's role can be at most your own role (ADMIN)"),
    });
    await expect(admin.caller.tokens.create({ tenantSlug: "acme", name: "forever", role: "VIEWER", expiresInDays: 366 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 365 days"),
    });
    await expect(admin.caller.tokens.create({ tenantSlug: "acme", name: "never", role: "VIEWER", expiresInDays: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await admin.caller.tokens.create({ tenantSlug: "acme", name: "dupe", role: "VIEWER", expiresInDays: 3 });
    await expect(admin.caller.tokens.create({ tenantSlug: "acme", name: "dupe", role: "VIEWER", expiresInDays: 3 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'There is already a token named "dupe"; pick another name or revoke that token first.',
    });
    expect(await testDb.db.apiToken.count({ where: { name: { in: ["boss", "forever", "never"] } } })).toBe(0);
  });
});
