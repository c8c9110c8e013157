import type { ReactNode } from "react";

/** Why a control is missing or disabled for the user's role, in a grey line. */
export function RoleHint({ children }: { children: ReactNode }) {
  return (
    <p className="text-sm text-slate-500" data-testid="role-hint">
      {children}
    </p>
  );
}
