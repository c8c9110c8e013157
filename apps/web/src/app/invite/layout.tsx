import type { ReactNode } from "react";
import { SignedInChrome } from "@/chrome/signed-in-chrome";

export const dynamic = "force-dynamic";

/** Invitation links: open to everyone; the top bar appears when signed in. */
export default function InviteLayout({ children }: { children: ReactNode }) {
  return <SignedInChrome>{children}</SignedInChrome>;
}
