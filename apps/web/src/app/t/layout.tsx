import type { ReactNode } from "react";
import { SignedInChrome } from "@/chrome/signed-in-chrome";

export const dynamic = "force-dynamic";

/** Signed-in chrome. Each page calls requireSession itself (so the sign-in page can send users back). */
export default function SignedInLayout({ children }: { children: ReactNode }) {
  return <SignedInChrome>{children}</SignedInChrome>;
}
