import type { Db } from "@updraft/db";

/** The signed-in user as the API sees them. */
export interface SessionUser {
  id: string;
  email: string;
  isPlatformAdmin: boolean;
}

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** Client IP address (best effort, from the proxy headers). */
  ip: string;
}

/** Builds the tRPC context; the web handler and tests both use this. */
export function createContextInner(input: { db: Db; user: SessionUser | null; ip: string }): Context {
  return { db: input.db, user: input.user, ip: input.ip };
}
