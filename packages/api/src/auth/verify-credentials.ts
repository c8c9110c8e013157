import { hashPassword, verifyPassword, type DbOrTx } from "@updraft/db";
import { recordAuditEvent } from "@updraft/platform";
import { z } from "zod";
import type { SessionUser } from "../trpc/context";
import { checkSignInRateLimit, rateLimitMessage } from "./sign-in-rate-limit";

export const WRONG_CREDENTIALS_MESSAGE = "Wrong e-mail or password.";

export type VerifyCredentialsResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" | "rate_limited"; message: string };

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(1024),
  ip: z.string().trim().min(1).max(100).catch("unknown"),
});

let dummyHash: Promise<string> | undefined;
/** Verifying against a throwaway hash keeps unknown e-mails as slow as wrong passwords. */
function hashForUnknownUsers(): Promise<string> {
  const hash = dummyHash ?? hashPassword("updraft-unknown-user-placeholder");
  dummyHash = hash;
  return hash;
}

/**
 * Checks an e-mail + password sign-in. Every attempt is recorded; after too
 * many recent failures for the e-mail or the IP the attempt is refused
 * without looking at the password (even a right one).
 */
export async function verifyCredentials(
  db: DbOrTx,
  raw: { email: string; password: string; ip: string },
  now: Date = new Date(),
): Promise<VerifyCredentialsResult> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid", message: "Enter your e-mail and password." };
  const { email, password, ip } = parsed.data;

  const record = (succeeded: boolean) => db.signInAttempt.create({ data: { email, ip, succeeded, createdAt: now } });
  // Platform-wide audit events (tenant null): who tried, from where, and why it failed. Never the password.
  const audit = (userId: string | undefined, failure: "wrong_credentials" | "rate_limited" | null) =>
    recordAuditEvent(
      db,
      {
        tenantId: null,
        actor: { userId, label: email },
        action: failure ? "auth.sign_in_failed" : "auth.sign_in",
        targetType: "user",
        target: email,
        details: { method: "credentials", ...(failure ? { reason: failure } : {}) },
        ip,
      },
      now,
    );

  const limit = await checkSignInRateLimit(db, { email, ip, now });
  if (limit.limited) {
    await record(false);
    await audit(undefined, "rate_limited");
    return { ok: false, reason: "rate_limited", message: rateLimitMessage(limit.retryAfterMinutes) };
  }

  // E-mails are stored trimmed and lower-cased (normalizeEmail), as parsed above.
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, isPlatformAdmin: true, passwordHash: true },
  });
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await hashForUnknownUsers(), password), false);

  await record(Boolean(user && passwordOk));
  if (!user || !passwordOk) {
    await audit(undefined, "wrong_credentials");
    return { ok: false, reason: "invalid", message: WRONG_CREDENTIALS_MESSAGE };
  }
  await audit(user.id, null);
  return { ok: true, user: { id: user.id, email: user.email, isPlatformAdmin: user.isPlatformAdmin } };
}
