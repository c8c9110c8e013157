import { createUser } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "./verify-credentials";

const testDb = useTestDatabase();

describe("verifyCredentials", () => {
  beforeAll(async () => {
    await createUser(testDb.db, { email: "ada@example.com", password: "correct horse" });
    await createUser(testDb.db, { email: "grace@example.com", password: "battery staple" });
  });

  it("signs in with the right password, whatever the e-mail's case", async () => {
    const result = await verifyCredentials(testDb.db, { email: " Ada@Example.com ", password: "correct horse", ip: "10.0.0.1" });
    expect(result).toMatchObject({ ok: true, user: { email: "ada@example.com", isPlatformAdmin: false } });
  });

  it("says the same thing for a wrong password and an unknown e-mail, and records both", async () => {
    const wrong = await verifyCredentials(testDb.db, { email: "ada@example.com", password: "nope", ip: "10.0.0.2" });
    const unknown = await verifyCredentials(testDb.db, { email: "nobody@example.com", password: "nope", ip: "10.0.0.2" });
    expect(wrong).toEqual({ ok: false, reason: "invalid", message: "Wrong e-mail or password." });
    expect(unknown).toEqual(wrong);
    expect(await testDb.db.signInAttempt.count({ where: { ip: "10.0.0.2", succeeded: false } })).toBe(2);
  });

  it("refuses even the right password after 5 failures for the e-mail, then lets it in after 15 minutes", async () => {
    const start = new Date("2030-01-01T12:00:00Z");
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    for (let i = 0; i < 5; i += 1) {
      const r = await verifyCredentials(testDb.db, { email: "grace@example.com", password: "bad", ip: `10.1.0.${i}` }, at(i));
      expect(r).toMatchObject({ ok: false, reason: "invalid" });
    }
    const locked = await verifyCredentials(testDb.db, { email: "grace@example.com", password: "battery staple", ip: "10.1.1.1" }, at(5));
    expect(locked).toEqual({
      ok: false,
      reason: "rate_limited",
      message: "Too many failed sign-in attempts. Try again in 10 minutes.",
    });
    // Refused attempts count as failures too…
    const later = await verifyCredentials(testDb.db, { email: "grace@example.com", password: "battery staple", ip: "10.1.1.1" }, at(12));
    expect(later).toMatchObject({ ok: false, reason: "rate_limited", message: expect.stringContaining("in 4 minutes") });
    // …and it opens again once the failures age out of the 15-minute window.
    const free = await verifyCredentials(testDb.db, { email: "grace@example.com", password: "battery staple", ip: "10.1.1.1" }, at(28));
    expect(free).toMatchObject({ ok: true });
  });

  it("refuses an IP after 20 failures across any e-mails", async () => {
    const now = new Date("2031-06-01T08:00:00Z");
    for (let i = 0; i < 20; i += 1) {
      await verifyCredentials(testDb.db, { email: `guess${i}@example.com`, password: "x", ip: "203.0.113.9" }, now);
    }
    const blocked = await verifyCredentials(testDb.db, { email: "ada@example.com", password: "correct horse", ip: "203.0.113.9" }, now);
    expect(blocked).toEqual({
      ok: false,
      reason: "rate_limited",
      message: "Too many failed sign-in attempts. Try again in 15 minutes.",
    });
    const elsewhere = await verifyCredentials(testDb.db, { email: "ada@example.com", password: "correct horse", ip: "198.51.100.1" }, now);
    expect(elsewhere.ok).toBe(true);
  });

  it("writes sign-ins and failed attempts to the audit log (no tenant, with the IP, never the password)", async () => {
    const at = new Date("2032-02-02T10:00:00Z");
    await verifyCredentials(testDb.db, { email: "Ada@example.com", password: "correct horse", ip: "192.0.2.7" }, at);
    await verifyCredentials(testDb.db, { email: "ada@example.com", password: "wrong horse", ip: "192.0.2.8" }, at);
    await verifyCredentials(testDb.db, { email: "ghost@example.com", password: "boo", ip: "192.0.2.9" }, at);
    const events = await testDb.db.auditEvent.findMany({ where: { createdAt: at }, orderBy: { id: "asc" } });
    const ada = await testDb.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(events.map((e) => [e.tenantId, e.action, e.actorUserId, e.actorLabel, e.ip, e.details])).toEqual([
      [null, "auth.sign_in", ada.id, "ada@example.com", "192.0.2.7", { method: "credentials" }],
      [null, "auth.sign_in_failed", null, "ada@example.com", "192.0.2.8", { method: "credentials", reason: "wrong_credentials" }],
      [null, "auth.sign_in_failed", null, "ghost@example.com", "192.0.2.9", { method: "credentials", reason: "wrong_credentials" }],
    ]);
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain("horse");
  });
});
