import type { Role } from "@updraft/db";

/** How a REST caller proves who they are. */
export type RestAuth = "token" | "session";

export interface RestRoute {
  /** Stable name the route handler looks itself up by. */
  id: "dags.deploy" | "audit.csv" | "openapi";
  method: "GET" | "POST";
  /** Path with `:slug` for the tenant. */
  path: string;
  /** The tenant role needed; null = public (no tenant, no sign-in). */
  requiredRole: Role | null;
  /** Accepted credentials: `Authorization: Bearer upd_…` and/or the browser session. */
  auth: readonly RestAuth[];
  /** Audit action of a successful call that changes something. */
  auditAction?: string;
}

/**
 * Every REST route and who may call it, in one place (README, design decision D11): the route
 * handlers authorize through `authorizeRestRequest(db, restRoute(id), …)` and
 * the generated isolation test enumerates this list.
 */
export const REST_ROUTES = [
  {
    id: "dags.deploy",
    method: "POST",
    path: "/api/v1/tenants/:slug/dags",
    requiredRole: "AUTHOR",
    // Tokens only: a cookie-authenticated multipart POST could be forged cross-site.
    auth: ["token"],
    auditAction: "dag.deploy",
  },
  {
    id: "audit.csv",
    method: "GET",
    path: "/api/v1/tenants/:slug/audit.csv",
    requiredRole: "ADMIN",
    auth: ["session"],
  },
  {
    id: "openapi",
    method: "GET",
    path: "/api/v1/openapi.json",
    requiredRole: null,
    auth: [],
  },
] as const satisfies readonly RestRoute[];

export type RestRouteId = (typeof REST_ROUTES)[number]["id"];

/** The route declared under `id`. */
export function restRoute(id: RestRouteId): RestRoute {
  const route = REST_ROUTES.find((r) => r.id === id);
  if (!route) throw new Error(`No REST route "${id}" in REST_ROUTES`);
  return route;
}
