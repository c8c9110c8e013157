import { validateSession, type SessionUser } from "@updraft/api";
import type { DbOrTx } from "@updraft/db";
import { getToken, type JWT } from "next-auth/jwt";

/** The cookies of a Cookie header as name → value. */
function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? "").split(";")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const value = pair.slice(eq + 1).trim();
    try {
      cookies[pair.slice(0, eq).trim()] = decodeURIComponent(value);
    } catch {
      cookies[pair.slice(0, eq).trim()] = value;
    }
  }
  return cookies;
}

/** Decrypted session cookies by their exact text (bounded; oldest dropped first). */
const decodedTokens = new Map<string, JWT>();
const MAX_DECODED_TOKENS = 1000;

/** The session cookie(s) of a request as one string ("" without one); chunked cookies in name order. */
function sessionCookieText(cookies: Record<string, string>): string {
  return Object.keys(cookies)
    .filter((name) => name.startsWith("next-auth.session-token") || name.startsWith("__Secure-next-auth.session-token"))
    .sort()
    .map((name) => `${name}=${cookies[name]}`)
    .join(";");
}

/**
 * The decrypted session cookie. The cookie is authenticated encryption under
 * NEXTAUTH_SECRET, so the same text always decrypts to the same token: a
 * token decrypted before is reused until its `exp`, which saves the key
 * derivation and decryption on every poll of the same browser.
 */
async function readToken(cookies: Record<string, string>): Promise<JWT | null> {
  const text = sessionCookieText(cookies);
  if (text === "") return null;
  const known = decodedTokens.get(text);
  if (known && typeof known.exp === "number" && known.exp * 1000 > Date.now()) return known;
  decodedTokens.delete(text);
  const token = await getToken({
    // No headers: like getServerSession, only the cookie counts (getToken would also take an Authorization: Bearer JWT).
    req: { headers: {}, cookies } as unknown as Parameters<typeof getToken>[0]["req"],
  });
  if (token && typeof token.exp === "number") {
    if (decodedTokens.size >= MAX_DECODED_TOKENS) decodedTokens.delete(decodedTokens.keys().next().value!);
    decodedTokens.set(text, token);
  }
  return token;
}

/**
 * The signed-in user of an API request, or null: the session cookie's JWT
 * (decrypted with NEXTAUTH_SECRET, expiry checked) and its session row
 * (exists, not expired) — exactly what authOptions' session callback checks.
 * Cheaper than getServerSession on every tRPC call: that one also makes a
 * CSRF token and re-encrypts the cookie each time, which buys nothing here
 * (the session row's expiresAt bounds the session, and pages and
 * /api/auth/session still refresh the cookie).
 */
export async function readSessionUser(db: DbOrTx, req: Request): Promise<SessionUser | null> {
  const token = await readToken(parseCookies(req.headers.get("cookie")));
  if (!token?.sid) return null;
  const valid = await validateSession(db, token.sid);
  return valid?.user ?? null;
}
