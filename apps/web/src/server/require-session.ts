import { getServerSession, type Session } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./auth-options";

/** The current request's session (validated against the sessions table once per request). */
export const currentSession = cache((): Promise<Session | null> => getServerSession(authOptions));

/**
 * The signed-in session, or a redirect to /signin that comes back to
 * `returnTo` afterwards. For server components.
 */
export async function requireSession(returnTo: string): Promise<Session> {
  const session = await currentSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}
