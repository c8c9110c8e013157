import type { DbOrTx } from "@updraft/db";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Opens a 30-day browser session; its id goes into the next-auth JWT as `sid`. */
export async function createSession(
  db: DbOrTx,
  input: { userId: string; ip?: string | null; userAgent?: string | null },
  now: Date = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  const session = await db.session.create({
    data: {
      userId: input.userId,
      ip: input.ip?.slice(0, 100) ?? null,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      createdAt: now,
      lastSeenAt: now,
    },
    select: { id: true, expiresAt: true },
  });
  return session;
}
