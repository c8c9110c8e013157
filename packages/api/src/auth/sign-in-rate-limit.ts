import type { DbOrTx } from "@updraft/db";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export type RateLimitVerdict = { limited: false } | { limited: true; retryAfterMinutes: number };

/**
 * Refuses sign-in once an e-mail has MAX_FAILURES_PER_EMAIL failures, or an IP
 * MAX_FAILURES_PER_IP failures, within the last 15 minutes. The wait is until
 * enough of those failures have aged out of the window.
 */
export async function checkSignInRateLimit(
  db: DbOrTx,
  input: { email: string; ip: string; now: Date },
): Promise<RateLimitVerdict> {
  const since = new Date(input.now.getTime() - SIGN_IN_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email: input.email, succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_EMAIL,
      select: { createdAt: true },
    }),
    db.signInAttempt.findMany({
      where: { ip: input.ip, succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_IP,
      select: { createdAt: true },
    }),
  ]);
  const liftTimes: number[] = [];
  const oldestEmail = byEmail[MAX_FAILURES_PER_EMAIL - 1];
  if (oldestEmail) liftTimes.push(oldestEmail.createdAt.getTime() + SIGN_IN_WINDOW_MS);
  const oldestIp = byIp[MAX_FAILURES_PER_IP - 1];
  if (oldestIp) liftTimes.push(oldestIp.createdAt.getTime() + SIGN_IN_WINDOW_MS);
  if (liftTimes.length === 0) return { limited: false };
  const waitMs = Math.max(...liftTimes) - input.now.getTime();
  return { limited: true, retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) };
}

export function rateLimitMessage(minutes: number): string {
  return `Too many failed sign-in attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
