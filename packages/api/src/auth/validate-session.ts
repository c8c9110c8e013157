import { Prisma, type DbOrTx } from "@updraft/db";
import type { SessionUser } from "../trpc/context";

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
  // One statement for the session and its user: this runs on every signed-in request.
  const [session] = await db.$queryRaw<SessionRow[]>(Prisma.sql`
    SELECT s.id, s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt",
           u.id AS "userId", u.email, u.is_platform_admin AS "isPlatformAdmin"
      FROM sessions s
      JOIN users u ON u.id = s.user_id
     WHERE s.id = ${sessionId}::uuid`);
  if (!session || session.expiresAt.getTime() <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    sessionId: session.id,
    expiresAt: session.expiresAt,
    user: { id: session.userId, email: session.email, isPlatformAdmin: session.isPlatformAdmin },
  };
}

interface SessionRow {
  id: string;
  expiresAt: Date;
  lastSeenAt: Date;
  userId: string;
  email: string;
  isPlatformAdmin: boolean;
}
