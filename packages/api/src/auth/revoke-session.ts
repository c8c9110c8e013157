import type { DbOrTx } from "@updraft/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ends a session (sign-out); later validations of it fail. True when a session was removed. */
export async function revokeSession(db: DbOrTx, sessionId: unknown): Promise<boolean> {
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return false;
  const { count } = await db.session.deleteMany({ where: { id: sessionId } });
  return count > 0;
}
