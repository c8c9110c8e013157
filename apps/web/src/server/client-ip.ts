type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function read(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's IP as reported by the reverse proxy in front of Next.js
 * (first x-forwarded-for hop, else x-real-ip), or "unknown".
 */
export function clientIp(headers: HeaderSource): string {
  const forwarded = read(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 100);
  const real = read(headers, "x-real-ip")?.trim();
  if (real) return real.slice(0, 100);
  return "unknown";
}
