import type { ReactNode } from "react";

/** A short green "done" line (role status), e.g. "Created pool gpu.". */
export function SuccessMessage({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <p role="status" className="text-sm text-green-800" data-testid={testId}>
      {children}
    </p>
  );
}
