import type { ReactNode } from "react";
import { classNames } from "@/lib/class-names";

/** An outlined, non-submitting button (Cancel, Close, Clear). `compact` is the dialog size; `className` adds to it. */
export function SecondaryButton({
  onClick,
  compact = false,
  className,
  children,
}: {
  onClick: () => void;
  compact?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={classNames("rounded-md border border-slate-300", className, compact ? "px-3 py-1.5" : "px-4 py-2", "text-sm hover:bg-slate-50")}
    >
      {children}
    </button>
  );
}
