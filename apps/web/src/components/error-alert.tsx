import { classNames } from "@/lib/class-names";
import { errorMessage } from "@/lib/error-message";

/**
 * The server's (or the form's) error in a red box; nothing when there is none.
 * `size="base"` keeps the page's text size (a page-level error) instead of
 * small text; `className` adds to the box.
 */
export function ErrorAlert({
  error,
  className,
  size = "sm",
  testId,
}: {
  error: unknown;
  className?: string;
  size?: "sm" | "base";
  testId?: string;
}) {
  if (!error) return null;
  const text = typeof error === "string" ? error : errorMessage(error);
  return (
    <p
      role="alert"
      data-testid={testId}
      className={classNames("rounded-md border border-red-200 bg-red-50 px-3 py-2", size === "sm" && "text-sm", "text-red-800", className)}
    >
      {text}
    </p>
  );
}
