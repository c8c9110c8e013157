import { createSession, revokeSession } from "@updraft/api";
import { createUser } from "@updraft/db";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { useWebTestDatabase } from "@/app/api/_lib/testing/web-test-database";
import { readSessionUser } from "./read-session-user";

const testDb = useWebTestDatabase();
const secret = "test-nextauth-secret-0123456789abcdef";

function request(cookie?: string, extra: Record<string, string> = {}) {
  return new Request("http://localhost:3000/api/trpc/tenants.mine", { headers: { ...(cookie ? { cookie } : {}), ...extra } });
}

describe("the signed-in user of a tRPC request", () => {
  let userId: string;
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET = secret;
    delete process.env.NEXTAUTH_URL;
  });

  beforeAll(async () => {
    userId = (await createUser(testDb.db, { email: "reader@example.com", password: "pw-123456" })).id;
  });

  const cookieFor = async (sid: string, key = secret) =>
    `other=1; next-auth.session-token=${await encode({ token: { sid, uid: userId, email: "reader@example.com" }, secret: key })}`;

  it("is the session's user while the session row is valid, and nobody once it is signed out", async () => {
    const session = await createSession(testDb.db, { userId, ip: "127.0.0.1", userAgent: null });
    const cookie = await cookieFor(session.id);
    const user = { id: userId, email: "reader@example.com", isPlatformAdmin: false };
    await expect(readSessionUser(testDb.db, request(cookie))).resolves.toEqual(user);
    await expect(readSessionUser(testDb.db, request(cookie))).resolves.toEqual(user);
    await revokeSession(testDb.db, session.id);
    await expect(readSessionUser(testDb.db, request(cookie))).resolves.toBeNull();
  });

  it("is nobody after sign-out, without a cookie, with a cookie from another secret, or with only a bearer token", async () => {
    const session = await createSession(testDb.db, { userId, ip: "127.0.0.1", userAgent: null });
    const cookie = await cookieFor(session.id);
    await revokeSession(testDb.db, session.id);
    await expect(readSessionUser(testDb.db, request(cookie))).resolves.toBeNull();
    await expect(readSessionUser(testDb.db, request())).resolves.toBeNull();

    const live = await createSession(testDb.db, { userId, ip: "127.0.0.1", userAgent: null });
    await expect(readSessionUser(testDb.db, request(await cookieFor(live.id, "another-secret-0123456789abcdef")))).resolves.toBeNull();
    const jwt = (await cookieFor(live.id)).split("next-auth.session-token=")[1]!;
    await expect(readSessionUser(testDb.db, request(undefined, { authorization: `Bearer ${jwt}` }))).resolves.toBeNull();
  });
});
