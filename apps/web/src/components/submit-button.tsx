import type { ReactNode } from "react";
import { classNames } from "@/lib/class-names";

/**
 * The form's primary (sky) submit button. While `pending` it shows
 * `pendingLabel` and is disabled; `disabled` disables it too (e.g. a required
 * field is empty). `compact` is the smaller size used in dialogs and popovers.
 */
export function SubmitButton({
  pending,
  pendingLabel,
  disabled = false,
  compact = false,
  children,
}: {
  pending: boolean;
  pendingLabel: ReactNode;
  disabled?: boolean;
  compact?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      className={classNames(
        "rounded-md bg-sky-700",
        compact ? "px-3 py-1.5" : "px-4 py-2",
        "text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60",
      )}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
