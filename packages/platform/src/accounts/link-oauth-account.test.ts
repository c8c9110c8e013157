import { createUser } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { describe, expect, it } from "vitest";
import { linkOAuthAccount } from "./link-oauth-account";

const t = useTestDatabase();

describe("linkOAuthAccount", () => {
  it("links a first GitHub sign-in to the existing user with the same verified e-mail", async () => {
    const ada = await createUser(t.db, { email: "ada@example.com", password: "a long password 123" });

    const result = await linkOAuthAccount(t.db, {
      provider: "github",
      providerAccountId: "1001",
      email: "Ada@Example.com",
      emailVerified: true,
      name: "Ada Lovelace",
      providerName: "GitHub",
    });

    expect(result).toEqual({
      ok: true,
      user: { id: ada.id, email: "ada@example.com", name: null, isPlatformAdmin: false },
      createdUser: false,
      linkedAccount: true,
    });
    const accounts = await t.db.account.findMany({ where: { userId: ada.id } });
    expect(accounts.map((a) => [a.provider, a.providerAccountId])).toEqual([["github", "1001"]]);
  });

  it("creates a user without memberships for a new verified e-mail", async () => {
    const result = await linkOAuthAccount(t.db, {
      provider: "google",
      providerAccountId: "g-42",
      email: "grace@example.com",
      emailVerified: true,
      name: " Grace Hopper ",
    });

    if (!result.ok) throw new Error(result.message);
    expect(result.createdUser).toBe(true);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: result.user.id }, include: { memberships: true } });
    expect(user).toMatchObject({ email: "grace@example.com", name: "Grace Hopper", passwordHash: null, isPlatformAdmin: false });
    expect(user.memberships).toEqual([]);
  });

  it("signs a linked identity in again even after its e-mail changed at the provider", async () => {
    const first = await linkOAuthAccount(t.db, { provider: "oidc", providerAccountId: "sub-7", email: "lin@example.com", emailVerified: true });
    if (!first.ok) throw new Error(first.message);

    const again = await linkOAuthAccount(t.db, { provider: "oidc", providerAccountId: "sub-7", email: "lin@new.example.com", emailVerified: false });

    expect(again).toMatchObject({ ok: true, user: { id: first.user.id, email: "lin@example.com" }, createdUser: false, linkedAccount: false });
    const account = await t.db.account.findFirstOrThrow({ where: { provider: "oidc", providerAccountId: "sub-7" } });
    expect(account.lastSignInAt).not.toBeNull();
  });

  it("refuses an unverified e-mail and creates or links nothing", async () => {
    const victim = await createUser(t.db, { email: "victim@example.com" });

    const result = await linkOAuthAccount(t.db, {
      provider: "github",
      providerAccountId: "evil-1",
      email: "victim@example.com",
      emailVerified: false,
      providerName: "GitHub",
    });

    expect(result).toEqual({
      ok: false,
      reason: "unverified_email",
      message: "Your e-mail address victim@example.com is not verified at GitHub; verify it there, then sign in again.",
    });
    expect(await t.db.account.count({ where: { userId: victim.id } })).toBe(0);
    expect(await t.db.account.count({ where: { providerAccountId: "evil-1" } })).toBe(0);
  });

  it("refuses an identity without an e-mail address", async () => {
    const result = await linkOAuthAccount(t.db, { provider: "github", providerAccountId: "no-mail", email: null, emailVerified: true, providerName: "GitHub" });
    expect(result).toEqual({
      ok: false,
      reason: "no_email",
      message: "GitHub did not share an e-mail address for your account; add one there (and verify it), then sign in again.",
    });
    expect(await t.db.user.count({ where: { accounts: { some: { providerAccountId: "no-mail" } } } })).toBe(0);
  });

  it("gives two simultaneous first sign-ins the same user", async () => {
    const input = { provider: "google", providerAccountId: "race-1", email: "race@example.com", emailVerified: true };
    const [a, b] = await Promise.all([linkOAuthAccount(t.db, input), linkOAuthAccount(t.db, input)]);
    if (!a.ok || !b.ok) throw new Error("expected both sign-ins to succeed");
    expect(a.user.id).toBe(b.user.id);
    expect(await t.db.user.count({ where: { email: "race@example.com" } })).toBe(1);
    expect(await t.db.account.count({ where: { providerAccountId: "race-1" } })).toBe(1);
  });
});
