import { webAppEnv } from "@/config/env";

/** The origins this app is reached at: the request's own URL, the proxy's Host headers, NEXTAUTH_URL. */
function ownOrigins(request: Request, publicUrl: string | undefined): Set<string> {
  const origins = new Set<string>();
  const add = (url: string | undefined) => {
    if (!url) return;
    try {
      origins.add(new URL(url).origin);
    } catch {
      // not a URL: ignore
    }
  };
  add(request.url);
  add(publicUrl);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host")?.trim();
  if (host) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(request.url).protocol.replace(":", "");
    add(`${proto}://${host}`);
  }
  return origins;
}

/**
 * Why a state-changing request must be refused as cross-site, or null when it
 * may proceed. Browsers say where a request comes from in `Sec-Fetch-Site`
 * and `Origin`; anything other than this app's own origin is refused, so
 * another site cannot make a signed-in browser call the API (CSRF). Requests
 * without either header do not come from a browser page and carry on.
 */
export function crossSiteRefusal(request: Request, publicUrl: string | undefined = webAppEnv().NEXTAUTH_URL): string | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const fetchSite = request.headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (fetchSite === "cross-site" || fetchSite === "same-site") {
    return `Cross-site request refused: this API only accepts requests from the Updraft app's own pages (Sec-Fetch-Site: ${fetchSite}).`;
  }
  const origin = request.headers.get("origin")?.trim();
  if (origin === undefined || origin === "") return null;
  if (origin === "null" || !ownOrigins(request, publicUrl).has(origin)) {
    return `Cross-site request refused: this API only accepts requests from the Updraft app's own pages, not from ${origin}.`;
  }
  return null;
}

/** The 403 answer in tRPC's error shape, so a tRPC client shows the message. */
export function crossSiteResponse(message: string): Response {
  return Response.json(
    { error: { message, code: -32003, data: { code: "FORBIDDEN", httpStatus: 403 } } },
    { status: 403 },
  );
}
