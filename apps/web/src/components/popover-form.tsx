import type { ReactNode } from "react";

/** A form floating under the button that opened it (see DropdownButton); submit calls `onSubmit` without reloading. */
export function PopoverForm({ label, onSubmit, children }: { label: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      aria-label={label}
      className="absolute right-0 z-10 mt-2 w-96 space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-lg"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
