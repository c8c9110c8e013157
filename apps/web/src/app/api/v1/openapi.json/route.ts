import { buildOpenApiDocument } from "@/app/api/_lib/openapi-document";
import { webAppEnv } from "@/config/env";

export const dynamic = "force-dynamic";

/** The REST API's OpenAPI 3.1 document. Public: it describes the API, not tenant data. */
export function GET(request: Request): Response {
  const serverUrl = webAppEnv().NEXTAUTH_URL || new URL(request.url).origin;
  return Response.json(buildOpenApiDocument({ serverUrl }), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
