"use client";

import { useState, type ReactNode } from "react";

/**
 * A button that opens a panel under it and closes it when pressed again
 * (aria-expanded says which); `panel` gets a function that closes it.
 */
export function DropdownButton({
  label,
  className,
  panel,
}: {
  label: ReactNode;
  className: string;
  panel: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} className={className}>
        {label}
      </button>
      {open ? panel(() => setOpen(false)) : null}
    </div>
  );
}
