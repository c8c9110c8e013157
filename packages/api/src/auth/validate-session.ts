import type { DbOrTx } from "@updraft/db";
import type { SessionUser } from "../context";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface ValidSession {
  sessionId: string;
  expiresAt: Date;
  user: SessionUser;
}

/**
 * The session and its user while the session row exists and has not expired;
 * null once it was revoked (signed out) or expired. Refreshes `lastSeenAt`
 * at most every five minutes.
 */
export async function validateSession(
  db: DbOrTx,
  sessionId: unknown,
  now: Date = new Date(),
): Promise<ValidSession | null> {
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, email: true, isPlatformAdmin: true } } },
  });
  if (!session || session.expiresAt.getTime() <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { sessionId: session.id, expiresAt: session.expiresAt, user: session.user };
}
