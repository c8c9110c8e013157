import type { ReactNode } from "react";
import { TopBar } from "@/components/top-bar";
import { currentSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

/** Signed-in chrome. Each page calls requireSession itself (so the sign-in page can send users back). */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  return (
    <>
      {session ? <TopBar email={session.user.email} /> : null}
      <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
    </>
  );
}
