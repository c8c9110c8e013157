import { getServerSession, type Session } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./auth-options";

/** The signed-in session, or a redirect to /signin. For server components. */
export async function requireSession(): Promise<Session> {
  const session = await getServerSession(authOptions);
  if (!session) redirect("/signin");
  return session;
}
