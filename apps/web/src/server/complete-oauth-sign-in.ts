import { createSession, linkOAuthAccount, recordAuditEvent } from "@updraft/api";
import type { Db } from "@updraft/db";
import { isEmailVerified, providerDisplayName } from "./auth-providers";

export type OAuthSignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string | null; isPlatformAdmin: boolean; sid: string } }
  | { ok: false; message: string };

/**
 * The server's part of an OAuth/OIDC sign-in, after the provider vouched for
 * the identity: link it to a user (same verified e-mail) or create one, open
 * a revocable session like a password sign-in does, and audit the attempt.
 */
export async function completeOAuthSignIn(
  db: Db,
  input: {
    provider: string;
    providerAccountId: string;
    /** next-auth's user from the provider's profile (id, name, email). */
    user: { email?: string | null; name?: string | null };
    /** The provider's raw profile (claims): `email_verified` comes from here. */
    profile: unknown;
  },
  request: { ip: string; userAgent?: string | null },
): Promise<OAuthSignInOutcome> {
  const providerName = providerDisplayName(input.provider);
  const rawEmail = (input.profile as { email?: unknown } | null | undefined)?.email;
  const email = input.user.email || (typeof rawEmail === "string" ? rawEmail : null);
  const linked = await linkOAuthAccount(db, {
    provider: input.provider,
    providerAccountId: input.providerAccountId,
    email,
    emailVerified: isEmailVerified(input.profile),
    name: input.user.name ?? null,
    providerName,
  });
  if (!linked.ok) {
    // The failure's reason code only: the message goes to the person signing in.
    await recordAuditEvent(db, {
      tenantId: null,
      actor: { label: email || `${input.provider} account ${input.providerAccountId}` },
      action: "auth.sign_in_failed",
      targetType: "user",
      target: email || null,
      details: { method: input.provider, reason: linked.reason },
      ip: request.ip,
    });
    return linked;
  }
  const session = await createSession(db, { userId: linked.user.id, ip: request.ip, userAgent: request.userAgent ?? null });
  await recordAuditEvent(db, {
    tenantId: null,
    actor: { userId: linked.user.id, label: linked.user.email },
    action: "auth.sign_in",
    targetType: "user",
    target: linked.user.email,
    details: { method: input.provider, createdUser: linked.createdUser, linkedAccount: linked.linkedAccount },
    ip: request.ip,
  });
  return { ok: true, user: { ...linked.user, sid: session.id } };
}
