import type { ReactNode } from "react";
import { SignedInChrome } from "@/chrome/signed-in-chrome";

export const dynamic = "force-dynamic";

/** Platform administration pages; each page checks that the user is a platform admin. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <SignedInChrome>{children}</SignedInChrome>;
}
