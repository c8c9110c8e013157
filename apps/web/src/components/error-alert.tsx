import { errorMessage } from "@/lib/error-message";

/** The server's (or the form's) error in a red box; nothing when there is none. */
export function ErrorAlert({ error, className = "" }: { error: unknown; className?: string }) {
  if (!error) return null;
  const text = typeof error === "string" ? error : errorMessage(error);
  return (
    <p role="alert" className={`rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 ${className}`}>
      {text}
    </p>
  );
}
