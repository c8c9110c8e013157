import { useTestDatabase } from "@updraft/db/testing";
import { createApiToken } from "@updraft/platform";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, memberWithRole } from "../test-support/api-callers";

const testDb = useTestDatabase();

type Member = Awaited<ReturnType<typeof memberWithRole>>;

describe("members", () => {
  let owner: Member;
  let admin: Member;

  beforeAll(async () => {
    owner = await memberWithRole(testDb.db, "acme", "OWNER");
    admin = await memberWithRole(testDb.db, "acme", "ADMIN");
  });

  it("lists the tenant's members with their roles, strongest first", async () => {
    const viewer = await memberWithRole(testDb.db, "acme", "VIEWER");
    await memberWithRole(testDb.db, "globex", "OWNER");
    const members = await viewer.caller.members.list({ tenantSlug: "acme" });
    expect(members.map((m) => m.role)).toEqual(["OWNER", "ADMIN", "VIEWER"]);
    expect(members.filter((m) => m.email.includes("globex"))).toEqual([]);
    expect(members[0]).toEqual({ userId: owner.user.id, email: owner.user.email, name: null, role: "OWNER", joinedAt: expect.any(Date) });
  });

  it("lets an admin change a member's role, and records who did it from where", async () => {
    const member = await memberWithRole(testDb.db, "acme", "VIEWER");
    const admins = callerFor(testDb.db, admin.user, "192.0.2.44");
    const change = await admins.members.changeRole({ tenantSlug: "acme", userId: member.user.id, role: "AUTHOR" });
    expect(change).toMatchObject({ email: member.user.email, previousRole: "VIEWER", role: "AUTHOR" });
    expect(await member.caller.dags.upload({ tenantSlug: "acme", fileName: "x.yaml", source: "dag_id: [" })).toMatchObject({ ok: false });
    const event = await testDb.db.auditEvent.findFirstOrThrow({ where: { action: "member.change_role", target: member.user.email } });
    expect(event).toMatchObject({ tenantId: owner.tenant.id, actorUserId: admin.user.id, actorLabel: admin.user.email, ip: "192.0.2.44", targetType: "member" });
    expect(event.details).toEqual({ from: "VIEWER", to: "AUTHOR", tokensRevoked: 0 });
  });

  it("leaves OWNER to owners: admins can neither grant it nor demote or remove an owner", async () => {
    const member = await memberWithRole(testDb.db, "acme", "AUTHOR");
    const refused = { code: "FORBIDDEN", message: expect.stringContaining("Only owners can grant or remove the OWNER role") };
    await expect(admin.caller.members.changeRole({ tenantSlug: "acme", userId: member.user.id, role: "OWNER" })).rejects.toMatchObject(refused);
    await expect(admin.caller.members.changeRole({ tenantSlug: "acme", userId: owner.user.id, role: "VIEWER" })).rejects.toMatchObject(refused);
    await expect(admin.caller.members.remove({ tenantSlug: "acme", userId: owner.user.id })).rejects.toMatchObject(refused);
    const roles = await testDb.db.membership.findMany({ where: { userId: { in: [member.user.id, owner.user.id] } }, select: { role: true } });
    expect(roles.map((r) => r.role).sort()).toEqual(["AUTHOR", "OWNER"]);
  });

  it("keeps at least one owner: the last owner can be neither demoted nor removed", async () => {
    const solo = await memberWithRole(testDb.db, "solo", "OWNER");
    const lastOwner = `${solo.user.email} is the last owner of this tenant, and a tenant always keeps at least one owner: make another member an owner first.`;
    await expect(solo.caller.members.changeRole({ tenantSlug: "solo", userId: solo.user.id, role: "ADMIN" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: lastOwner,
    });
    await expect(solo.caller.members.remove({ tenantSlug: "solo", userId: solo.user.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: lastOwner });

    // With a second owner, the first may step down.
    const second = await memberWithRole(testDb.db, "solo", "ADMIN");
    await solo.caller.members.changeRole({ tenantSlug: "solo", userId: second.user.id, role: "OWNER" });
    await solo.caller.members.changeRole({ tenantSlug: "solo", userId: solo.user.id, role: "ADMIN" });
    expect((await second.caller.members.list({ tenantSlug: "solo" })).map((m) => [m.email, m.role])).toEqual([
      [second.user.email, "OWNER"],
      [solo.user.email, "ADMIN"],
    ]);
    await expect(second.caller.members.remove({ tenantSlug: "solo", userId: second.user.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps one owner when two owners demote each other at the same time", async () => {
    const first = await memberWithRole(testDb.db, "race", "OWNER");
    const second = await memberWithRole(testDb.db, "race", "OWNER");
    const results = await Promise.allSettled([
      first.caller.members.changeRole({ tenantSlug: "race", userId: second.user.id, role: "ADMIN" }),
      second.caller.members.changeRole({ tenantSlug: "race", userId: first.user.id, role: "ADMIN" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await testDb.db.membership.count({ where: { tenant: { slug: "race" }, role: "OWNER" } })).toBe(1);
  });

  it("removes a member: they lose access and their tokens of the tenant stop working", async () => {
    const leaver = await memberWithRole(testDb.db, "acme", "ADMIN");
    const { apiToken } = await createApiToken(testDb.db, { tenantId: owner.tenant.id, creatorUserId: leaver.user.id, name: "leaver-ci", role: "AUTHOR", expiresInDays: 30 });
    const removed = await admin.caller.members.remove({ tenantSlug: "acme", userId: leaver.user.id });
    expect(removed).toMatchObject({ email: leaver.user.email, role: "ADMIN", tokensRevoked: 1 });
    await expect(leaver.caller.dags.list({ tenantSlug: "acme" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Tenant not found" });
    expect((await testDb.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).revokedAt).not.toBeNull();
    await expect(admin.caller.members.remove({ tenantSlug: "acme", userId: leaver.user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("revokes a demoted member's tokens that are now stronger than them", async () => {
    const author = await memberWithRole(testDb.db, "acme", "AUTHOR");
    const strong = await createApiToken(testDb.db, { tenantId: owner.tenant.id, creatorUserId: author.user.id, name: "author-deploy", role: "AUTHOR", expiresInDays: 30 });
    const weak = await createApiToken(testDb.db, { tenantId: owner.tenant.id, creatorUserId: author.user.id, name: "author-read", role: "VIEWER", expiresInDays: 30 });
    const change = await admin.caller.members.changeRole({ tenantSlug: "acme", userId: author.user.id, role: "OPERATOR" });
    expect(change.tokensRevoked).toBe(1);
    const rows = await testDb.db.apiToken.findMany({ where: { id: { in: [strong.apiToken.id, weak.apiToken.id] } } });
    expect(Object.fromEntries(rows.map((r) => [r.name, r.revokedAt !== null]))).toEqual({ "author-deploy": true, "author-read": false });
  });
});
