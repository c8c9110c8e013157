import type { ReactNode } from "react";
import { TopBar } from "./top-bar";
import { currentSession } from "@/server/require-session";

/** Top bar (when signed in) and the page column. Each page still calls requireSession itself. */
export async function SignedInChrome({ children }: { children: ReactNode }) {
  const session = await currentSession();
  return (
    <>
      {session ? <TopBar email={session.user.email} isPlatformAdmin={session.user.isPlatformAdmin} /> : null}
      <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
    </>
  );
}
