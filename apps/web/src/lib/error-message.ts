/** The server's message for an error (tRPC errors carry the message the API wrote for users). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong; try again.";
}

/** The tRPC error code (e.g. "FORBIDDEN"), when there is one. */
export function errorCode(error: unknown): string | undefined {
  const data = (error as { data?: { code?: unknown } } | null)?.data;
  return typeof data?.code === "string" ? data.code : undefined;
}
