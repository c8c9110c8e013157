import type { ReactNode } from "react";
import { classNames } from "@/lib/class-names";

/**
 * A form in a white bordered card, titled by an h2 it is labelled by. Submit
 * calls `onSubmit` (the browser's own submit is prevented). `highlighted`
 * rings it in sky (e.g. while editing); `className` adds to the card.
 */
export function FormCard({
  id,
  headingId,
  heading,
  highlighted = false,
  className,
  onSubmit,
  children,
}: {
  id?: string;
  headingId: string;
  heading: ReactNode;
  highlighted?: boolean;
  className?: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      id={id}
      aria-labelledby={headingId}
      className={classNames(
        "space-y-3",
        className,
        "rounded-xl border",
        highlighted ? "border-sky-300 ring-1 ring-sky-200" : "border-slate-200",
        "bg-white p-4",
      )}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2 id={headingId} className="text-lg font-semibold">
        {heading}
      </h2>
      {children}
    </form>
  );
}
