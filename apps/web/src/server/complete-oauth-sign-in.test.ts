import { createUser } from "@updraft/db";
import { describe, expect, it } from "vitest";
import { useWebTestDatabase } from "@/app/api/_lib/testing/web-test-database";
import { completeOAuthSignIn } from "./complete-oauth-sign-in";

const t = useWebTestDatabase();
const request = { ip: "203.0.113.9", userAgent: "Firefox" };

describe("completeOAuthSignIn", () => {
  it("signs a verified Google account in as the user with that e-mail, with a revocable session", async () => {
    const ada = await createUser(t.db, { email: "ada@example.com" });

    const outcome = await completeOAuthSignIn(
      t.db,
      {
        provider: "google",
        providerAccountId: "g-1",
        user: { email: "ada@example.com", name: "Ada" },
        profile: { sub: "g-1", email: "ada@example.com", email_verified: true },
      },
      request,
    );

    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.user).toMatchObject({ id: ada.id, email: "ada@example.com", isPlatformAdmin: false });
    const session = await t.db.session.findUniqueOrThrow({ where: { id: outcome.user.sid } });
    expect(session).toMatchObject({ userId: ada.id, ip: "203.0.113.9", userAgent: "Firefox" });
    expect(await t.db.account.count({ where: { userId: ada.id, provider: "google" } })).toBe(1);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in", actorUserId: ada.id } });
    expect(event).toMatchObject({ tenantId: null, actorLabel: "ada@example.com", ip: "203.0.113.9", details: { method: "google", createdUser: false, linkedAccount: true } });
  });

  it("turns an unverified e-mail away with a message for the sign-in page, and audits the attempt", async () => {
    const outcome = await completeOAuthSignIn(
      t.db,
      {
        provider: "github",
        providerAccountId: "gh-9",
        user: { email: "grace@example.com", name: "Grace" },
        profile: { id: 9, email: "grace@example.com", email_verified: false },
      },
      request,
    );

    expect(outcome).toMatchObject({
      ok: false,
      message: "Your e-mail address grace@example.com is not verified at GitHub; verify it there, then sign in again.",
    });
    expect(await t.db.user.count({ where: { email: "grace@example.com" } })).toBe(0);
    expect(await t.db.session.count({ where: { user: { email: "grace@example.com" } } })).toBe(0);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed", actorLabel: "grace@example.com" } });
    expect(event.details).toEqual({ method: "github", reason: "unverified_email" });
  });

  it("creates a user without memberships on a first verified sign-in", async () => {
    const outcome = await completeOAuthSignIn(
      t.db,
      { provider: "oidc", providerAccountId: "sub-1", user: { email: "", name: "Lin" }, profile: { sub: "sub-1", email: "lin@example.com", email_verified: "true" } },
      request,
    );
    if (!outcome.ok) throw new Error(outcome.message);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: outcome.user.id }, include: { memberships: true } });
    expect(user).toMatchObject({ email: "lin@example.com", name: "Lin", memberships: [] });
  });
});
