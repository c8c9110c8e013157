import { useTestDatabase } from "@updraft/db/testing";
import { createInvitation, INVITATION_TTL_MS } from "@updraft/platform";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "../auth/verify-credentials";
import type { Mailer, MailMessage } from "../mail/mailer";
import { callerFor, memberWithRole } from "../test-support/api-callers";

const testDb = useTestDatabase();

function capturingMailer(fail = false): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    configured: true,
    sent,
    send: async (message) => {
      if (fail) throw new Error("connection refused by smtp.example.com");
      sent.push(message);
    },
  };
}

const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

describe("invitations", () => {
  let admin: Awaited<ReturnType<typeof memberWithRole>>;
  let owner: Awaited<ReturnType<typeof memberWithRole>>;
  const anonymous = () => callerFor(testDb.db, null);

  beforeAll(async () => {
    owner = await memberWithRole(testDb.db, "acme", "OWNER");
    admin = await memberWithRole(testDb.db, "acme", "ADMIN");
  });

  it("returns the link to copy when SMTP is not configured, and lists the invitation as pending", async () => {
    const created = await admin.caller.invitations.create({ tenantSlug: "acme", email: " Grace@Example.com ", role: "AUTHOR" });
    expect(created).toMatchObject({ emailSent: false, emailError: null, invitation: { email: "grace@example.com", role: "AUTHOR", state: "pending" } });
    expect(created.link).toMatch(/^http:\/\/updraft\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    const expiresIn = created.invitation.expiresAt.getTime() - created.invitation.createdAt.getTime();
    expect(expiresIn).toBe(7 * 24 * 60 * 60 * 1000);
    const pending = await admin.caller.invitations.list({ tenantSlug: "acme" });
    expect(pending.map((i) => [i.email, i.state, i.invitedBy])).toContainEqual(["grace@example.com", "pending", admin.user.email]);
    // Only the hash is stored.
    const row = await testDb.db.invitation.findFirstOrThrow({ where: { email: "grace@example.com" } });
    expect(row.tokenHash).not.toContain(tokenOf(created.link));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("e-mails the link when SMTP is configured, and still returns it when sending fails", async () => {
    const mailer = capturingMailer();
    const caller = callerFor(testDb.db, admin.user, "127.0.0.1", mailer);
    const created = await caller.invitations.create({ tenantSlug: "acme", email: "mailed@example.com", role: "VIEWER" });
    expect(created.emailSent).toBe(true);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: "mailed@example.com", subject: "You are invited to Tenant acme on Updraft" });
    expect(mailer.sent[0]?.text).toContain(created.link);

    const broken = callerFor(testDb.db, admin.user, "127.0.0.1", capturingMailer(true));
    const fallback = await broken.invitations.create({ tenantSlug: "acme", email: "unlucky@example.com", role: "VIEWER" });
    expect(fallback).toMatchObject({ emailSent: false, emailError: expect.stringContaining("copy the link") });
    expect(fallback.link).toContain("/invite/");
  });

  it("shows the invite page what it invites to, and lets someone without an account join with a new one", async () => {
    const { link } = await admin.caller.invitations.create({ tenantSlug: "acme", email: "ada@example.com", role: "OPERATOR" });
    const token = tokenOf(link);
    expect(await anonymous().invitations.inspect({ token })).toMatchObject({
      state: "pending",
      tenantName: "Tenant acme",
      tenantSlug: "acme",
      email: "ada@example.com",
      role: "OPERATOR",
      hasAccount: false,
      message: null,
    });

    const tooShort = anonymous().invitations.acceptWithNewAccount({ token, name: "Ada", password: "short pw" });
    await expect(tooShort).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Choose a password of at least 12 characters." });
    expect(await testDb.db.user.count({ where: { email: "ada@example.com" } })).toBe(0);

    const accepted = await callerFor(testDb.db, null, "198.51.100.7").invitations.acceptWithNewAccount({
      token,
      name: "Ada Lovelace",
      password: "analytical engine",
    });
    expect(accepted).toMatchObject({ tenantSlug: "acme", role: "OPERATOR", email: "ada@example.com" });
    const signIn = await verifyCredentials(testDb.db, { email: "ada@example.com", password: "analytical engine", ip: "198.51.100.7" });
    expect(signIn).toMatchObject({ ok: true });
    const ada = await testDb.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" }, include: { memberships: true } });
    expect(ada.name).toBe("Ada Lovelace");
    expect(ada.memberships.map((m) => m.role)).toEqual(["OPERATOR"]);

    const event = await testDb.db.auditEvent.findFirstOrThrow({ where: { action: "invitation.accept", target: "ada@example.com" } });
    expect(event).toMatchObject({ tenantId: owner.tenant.id, actorUserId: ada.id, actorLabel: "ada@example.com", ip: "198.51.100.7" });
    expect(JSON.stringify(event.details)).not.toContain("analytical");

    // The link works once.
    expect(await anonymous().invitations.inspect({ token })).toMatchObject({ state: "accepted", message: expect.stringContaining("already used") });
    const again = anonymous().invitations.acceptWithNewAccount({ token, name: "Mallory", password: "another long password" });
    await expect(again).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("This invitation was already used on") });
  });

  it("lets a signed-in user whose e-mail matches (any case) accept, and refuses someone else", async () => {
    const bob = await memberWithRole(testDb.db, "globex", "VIEWER");
    const { link } = await admin.caller.invitations.create({ tenantSlug: "acme", email: bob.user.email.toUpperCase(), role: "AUTHOR" });
    const token = tokenOf(link);
    const eve = await memberWithRole(testDb.db, "globex", "OWNER");
    await expect(eve.caller.invitations.accept({ token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining(`This invitation is for ${bob.user.email}, but you are signed in as ${eve.user.email}`),
    });
    expect(await testDb.db.membership.count({ where: { userId: eve.user.id, tenantId: owner.tenant.id } })).toBe(0);
    expect(await anonymous().invitations.inspect({ token })).toMatchObject({ state: "pending", hasAccount: true });

    await expect(anonymous().invitations.accept({ token })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const accepted = await bob.caller.invitations.accept({ token });
    expect(accepted).toMatchObject({ tenantSlug: "acme", role: "AUTHOR" });
    expect((await bob.caller.tenants.mine()).map((t) => t.slug).sort()).toEqual(["acme", "globex"]);
  });

  it("refuses an account that already exists on the new-account path (sign in instead)", async () => {
    const carol = await memberWithRole(testDb.db, "globex", "VIEWER");
    const { link } = await admin.caller.invitations.create({ tenantSlug: "acme", email: carol.user.email, role: "VIEWER" });
    await expect(
      anonymous().invitations.acceptWithNewAccount({ token: tokenOf(link), name: "Carol", password: "a long enough password" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: `An account for ${carol.user.email} already exists. Sign in as ${carol.user.email}, then open this link again to accept.` });
    expect(await testDb.db.invitation.count({ where: { email: carol.user.email, acceptedAt: { not: null } } })).toBe(0);
  });

  it("refuses expired invitations and changes nothing", async () => {
    const longAgo = new Date(Date.now() - INVITATION_TTL_MS - 60_000);
    const { token } = await createInvitation(testDb.db, { tenantId: owner.tenant.id, actorUserId: owner.user.id, email: "late@example.com", role: "VIEWER" }, longAgo);
    expect(await anonymous().invitations.inspect({ token })).toMatchObject({ state: "expired", message: expect.stringContaining("This invitation expired on") });
    await expect(
      anonymous().invitations.acceptWithNewAccount({ token, name: "Late", password: "a long enough password" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^This invitation expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC\. Ask an admin of Tenant acme for a new invitation\.$/) });
    expect(await testDb.db.user.count({ where: { email: "late@example.com" } })).toBe(0);
    expect((await admin.caller.invitations.list({ tenantSlug: "acme" })).find((i) => i.email === "late@example.com")?.state).toBe("expired");
  });

  it("refuses revoked invitations, and re-inviting replaces the pending one", async () => {
    const first = await admin.caller.invitations.create({ tenantSlug: "acme", email: "twice@example.com", role: "VIEWER" });
    const second = await admin.caller.invitations.create({ tenantSlug: "acme", email: "twice@example.com", role: "AUTHOR" });
    const pending = (await admin.caller.invitations.list({ tenantSlug: "acme" })).filter((i) => i.email === "twice@example.com");
    expect(pending.map((i) => i.role)).toEqual(["AUTHOR"]);
    expect(await anonymous().invitations.inspect({ token: tokenOf(first.link) })).toMatchObject({ state: "revoked" });
    await expect(
      anonymous().invitations.acceptWithNewAccount({ token: tokenOf(first.link), name: "Twice", password: "a long enough password" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("This invitation was withdrawn on") });

    await admin.caller.invitations.revoke({ tenantSlug: "acme", id: second.invitation.id });
    await expect(
      anonymous().invitations.acceptWithNewAccount({ token: tokenOf(second.link), name: "Twice", password: "a long enough password" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("withdrawn") });
    expect(await testDb.db.user.count({ where: { email: "twice@example.com" } })).toBe(0);
    expect((await admin.caller.invitations.list({ tenantSlug: "acme" })).some((i) => i.email === "twice@example.com")).toBe(false);
  });

  it("says a mangled link is not valid", async () => {
    expect(await anonymous().invitations.inspect({ token: "not-a-real-token" })).toEqual({
      state: "invalid",
      message: expect.stringContaining("This invitation link is not valid"),
    });
    await expect(
      anonymous().invitations.acceptWithNewAccount({ token: "not-a-real-token", name: "X", password: "a long enough password" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not valid") });
  });

  it("lets only owners invite owners, refuses members and bad e-mails", async () => {
    await expect(admin.caller.invitations.create({ tenantSlug: "acme", email: "boss@example.com", role: "OWNER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Only owners can grant"),
    });
    const byOwner = await owner.caller.invitations.create({ tenantSlug: "acme", email: "boss@example.com", role: "OWNER" });
    expect(byOwner.invitation.role).toBe("OWNER");
    await expect(admin.caller.invitations.create({ tenantSlug: "acme", email: owner.user.email, role: "VIEWER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `${owner.user.email} is already a member of this tenant (role OWNER); change their role on the Members page instead.`,
    });
    await expect(admin.caller.invitations.create({ tenantSlug: "acme", email: "not an e-mail", role: "VIEWER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: '"not an e-mail" is not an e-mail address; enter one like ada@example.com.',
    });
  });

  it("records invitations in the audit log without the link's token", async () => {
    const created = await callerFor(testDb.db, admin.user, "203.0.113.9").invitations.create({ tenantSlug: "acme", email: "audited@example.com", role: "VIEWER" });
    const event = await testDb.db.auditEvent.findFirstOrThrow({ where: { action: "invitation.create", target: "audited@example.com" } });
    expect(event).toMatchObject({ tenantId: admin.tenant.id, actorUserId: admin.user.id, actorLabel: admin.user.email, ip: "203.0.113.9" });
    expect(event.details).toEqual({ role: "VIEWER", emailSent: false });
    expect(JSON.stringify({ ...event, id: String(event.id) })).not.toContain(tokenOf(created.link));
  });
});
