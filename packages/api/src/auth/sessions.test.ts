import { createUser } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { describe, expect, it } from "vitest";
import { createSession, SESSION_TTL_MS } from "./create-session";
import { revokeSession } from "./revoke-session";
import { validateSession } from "./validate-session";

const testDb = useTestDatabase();

describe("sessions", () => {
  it("is valid until revoked", async () => {
    const user = await createUser(testDb.db, { email: "linus@example.com", password: "pw-123456" });
    const session = await createSession(testDb.db, { userId: user.id, ip: "127.0.0.1", userAgent: "test" });
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(SESSION_TTL_MS - 60_000);

    const valid = await validateSession(testDb.db, session.id);
    expect(valid?.user).toEqual({ id: user.id, email: "linus@example.com", isPlatformAdmin: false });

    expect(await revokeSession(testDb.db, session.id)).toBe(true);
    expect(await validateSession(testDb.db, session.id)).toBeNull();
  });

  it("expires after 30 days", async () => {
    const user = await createUser(testDb.db, { email: "margaret@example.com", password: "pw-123456" });
    const created = new Date("2030-03-01T00:00:00Z");
    const session = await createSession(testDb.db, { userId: user.id }, created);
    expect(await validateSession(testDb.db, session.id, new Date(created.getTime() + SESSION_TTL_MS - 1000))).not.toBeNull();
    expect(await validateSession(testDb.db, session.id, new Date(created.getTime() + SESSION_TTL_MS))).toBeNull();
  });

  it("rejects ids that are not sessions", async () => {
    expect(await validateSession(testDb.db, "not-a-uuid")).toBeNull();
    expect(await validateSession(testDb.db, undefined)).toBeNull();
    expect(await validateSession(testDb.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
