import { InviteView } from "@/features/invitations/invite-view";
import { currentSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

/** What an invitation link opens: accept (signed in), sign in, or create an account for the invited e-mail. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await currentSession();
  return <InviteView token={token} signedInEmail={session?.user.email ?? null} />;
}
