"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { ErrorAlert } from "./error-alert";
import { SecondaryButton } from "./secondary-button";

/**
 * A modal yes/no question. Escape or "Cancel" closes it; the confirm button
 * gets focus so Enter confirms (unless a field in the dialog took focus
 * first, e.g. a "type the name to confirm" input).
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  pending = false,
  confirmDisabled = false,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  /** Keeps the confirm button disabled, e.g. until the user typed what the dialog asks for. */
  confirmDisabled?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!dialogRef.current?.contains(document.activeElement)) confirmRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onCancel();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onCancel]);

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 px-4" onClick={onCancel}>
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(e) => e.stopPropagation()}
        className="w-full max-w-md space-y-4 rounded-xl bg-white p-5 shadow-xl"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children ? <div className="space-y-2 text-sm text-slate-700">{children}</div> : null}
        <ErrorAlert error={error} />
        <div className="flex justify-end gap-2">
          <SecondaryButton onClick={onCancel} compact>
            Cancel
          </SecondaryButton>
          <button
            ref={confirmRef}
            type="button"
            disabled={pending || confirmDisabled}
            onClick={onConfirm}
            className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${
              danger ? "bg-red-600 hover:bg-red-700" : "bg-sky-700 hover:bg-sky-800"
            }`}
          >
            {pending ? "Working…" : confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
