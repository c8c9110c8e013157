import type { ReactNode } from "react";

/** A page's h1 title with the paragraph under it that explains the page. */
export function PageHeader({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{children}</p>
    </div>
  );
}
