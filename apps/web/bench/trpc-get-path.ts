/**
 * The URL path the web app's tRPC client (httpBatchLink + superjson) requests
 * for one query: `/api/trpc/<procedure>?batch=1&input={"0":{"json":<input>}}`.
 * Inputs here are plain JSON (strings, numbers), so superjson adds no `meta`.
 */
export function trpcGetPath(procedure: string, input: Record<string, unknown>): string {
  const batch = JSON.stringify({ 0: { json: input } });
  return `/api/trpc/${procedure}?batch=1&input=${encodeURIComponent(batch)}`;
}

/** The `result.data.json` of the one call in a tRPC batch response body, or the error it carries. */
export function readTrpcBatchResult(body: string): { ok: true; data: unknown } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, message: `not JSON: ${body.slice(0, 200)}` };
  }
  const first = Array.isArray(parsed) ? (parsed[0] as Record<string, unknown> | undefined) : undefined;
  const result = first?.result as { data?: { json?: unknown } } | undefined;
  if (result?.data && "json" in result.data) return { ok: true, data: result.data.json };
  const error = first?.error as { json?: { message?: unknown } } | undefined;
  return { ok: false, message: typeof error?.json?.message === "string" ? error.json.message : `unexpected body: ${body.slice(0, 200)}` };
}
