/** Only same-site paths are allowed as post-sign-in destinations (no open redirects). */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/t";
  if (value.startsWith("/signin") || value.startsWith("/api/")) return "/t";
  return value;
}
