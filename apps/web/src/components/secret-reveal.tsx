import type { ReactNode } from "react";
import { CopyButton } from "./copy-button";

/** A value shown once (a token, an invitation link): read-only, selectable, with a copy button and a note. */
export function SecretReveal({ label, value, testId, children }: { label: string; value: string; testId?: string; children?: ReactNode }) {
  return (
    <div className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3" role="status">
      <p className="text-sm font-medium text-amber-950">{label}</p>
      <div className="flex items-center gap-2">
        <input
          readOnly
          value={value}
          aria-label={label}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
          className="block min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-2 py-1.5 font-mono text-sm"
        />
        <CopyButton text={value} />
      </div>
      {children ? <div className="text-xs text-amber-900">{children}</div> : null}
    </div>
  );
}
