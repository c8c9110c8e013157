import type { ReactNode } from "react";

/** What a list shows when it has nothing in it, in a dashed box ("No secrets yet."). */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{children}</p>;
}
