import { createSession, revokeSession, SESSION_TTL_MS, validateSession, verifyCredentials } from "@updraft/api";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { oauthProviders } from "./auth-providers";
import { clientIp } from "./client-ip";
import { getDb } from "./get-db";
import { webAppEnv } from "../config/env";
import { completeOAuthSignIn } from "./complete-oauth-sign-in";

/** Thrown from the session callback so next-auth clears the cookie of a revoked/expired session. */
class SessionEndedError extends Error {
  override readonly name = "SessionEndedError";
}

/**
 * Sessions: a JWT cookie (httpOnly, SameSite=Lax, `secure` and `__Secure-`
 * prefixed when the app is served over HTTPS) that carries the id of a
 * revocable row in the sessions table. next-auth checks its CSRF token on its
 * own POST routes. Providers: e-mail and password always, plus GitHub, Google
 * and a generic OIDC provider when their environment variables are set.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_TTL_MS / 1000 },
  useSecureCookies: (webAppEnv().NEXTAUTH_URL ?? "").startsWith("https://"),
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "E-mail and password",
      credentials: {
        email: { label: "E-mail", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const db = getDb();
        const ip = clientIp(req.headers);
        const result = await verifyCredentials(db, {
          email: credentials?.email ?? "",
          password: credentials?.password ?? "",
          ip,
        });
        // The message reaches the sign-in form as `error` (e.g. "Wrong e-mail or password.").
        if (!result.ok) throw new Error(result.message);
        const userAgent = req.headers?.["user-agent"];
        const session = await createSession(db, {
          userId: result.user.id,
          ip,
          userAgent: typeof userAgent === "string" ? userAgent : null,
        });
        return { ...result.user, sid: session.id };
      },
    }),
    ...oauthProviders(webAppEnv()),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.type !== "oauth") return true;
      const request = await headers();
      const outcome = await completeOAuthSignIn(
        getDb(),
        { provider: account.provider, providerAccountId: account.providerAccountId, user, profile },
        { ip: clientIp(request), userAgent: request.get("user-agent") },
      );
      if (!outcome.ok) return `/signin?error=${encodeURIComponent(outcome.message)}`;
      // next-auth hands this same object to the jwt callback: it becomes our user with its session id.
      Object.assign(user, outcome.user);
      return true;
    },
    jwt({ token, user }) {
      if (user) {
        token.sid = user.sid;
        token.uid = user.id;
        token.email = user.email;
      }
      return token;
    },
    async session({ session, token }) {
      const valid = await validateSession(getDb(), token.sid);
      if (!valid) throw new SessionEndedError("Session was signed out or expired");
      return { expires: session.expires, sid: valid.sessionId, user: valid.user };
    },
  },
  events: {
    async signOut({ token }) {
      await revokeSession(getDb(), token?.sid);
    },
  },
  logger: {
    error(code, metadata) {
      // A revoked or expired session is a normal sign-out, not an error.
      // next-auth hands errors over as plain {name, message, stack} objects.
      const name = (metadata as { name?: unknown } | undefined)?.name;
      if (code === "JWT_SESSION_ERROR" && name === "SessionEndedError") return;
      console.error(`[next-auth] ${code}`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
};
