"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Signed in as someone else than the invitee: say so, and offer to sign out and come back. */
export function WrongAccount({ invitedEmail, signedInEmail, returnTo }: { invitedEmail: string; signedInEmail: string; returnTo: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-3">
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        This invitation is for {invitedEmail}, but you are signed in as {signedInEmail}. Sign out, then open the link again and
        sign in as {invitedEmail} (or create that account).
      </p>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: returnTo });
        }}
        className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        Sign out and continue as {invitedEmail}
      </button>
    </div>
  );
}
