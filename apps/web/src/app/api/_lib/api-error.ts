/** A JSON error answer of the REST API: `{ "ok": false, "error": "<what was wrong and how to fix it>" }`. */
export function apiError(status: number, message: string, headers?: HeadersInit): Response {
  return Response.json({ ok: false, error: message }, { status, headers });
}
