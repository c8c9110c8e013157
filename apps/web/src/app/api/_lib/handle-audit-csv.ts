import { authorizeRestRequest, exportAuditCsv, parseAuditQuery, restRoute, type SessionUser } from "@updraft/api";
import type { Db } from "@updraft/db";
import { apiError } from "./api-error";

/**
 * GET /api/v1/tenants/:slug/audit.csv — the tenant's audit events (newest
 * first) as CSV, for Admins and Owners signed in with a browser session.
 * Filters as query parameters, like the audit page: action, actor, from, to.
 */
export async function handleAuditCsv(
  request: Request,
  slug: string,
  deps: { db: Db; user: SessionUser | null; now?: Date },
): Promise<Response> {
  const auth = await authorizeRestRequest(deps.db, restRoute("audit.csv"), {
    tenantSlug: slug,
    authorization: request.headers.get("authorization"),
    user: deps.user,
  });
  if (!auth.ok) return apiError(auth.status, auth.message);

  const query = parseAuditQuery(new URL(request.url).searchParams);
  if (!query.ok) return apiError(400, `Bad filter: ${query.message}`);

  const csv = await exportAuditCsv(deps.db, { tenantId: auth.caller.tenant.id, filters: query.filters });
  const day = (deps.now ?? new Date()).toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${auth.caller.tenant.slug}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
