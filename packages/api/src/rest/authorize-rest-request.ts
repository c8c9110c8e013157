import type { Db, Role } from "@updraft/db";
import { roleAtLeast } from "@updraft/domain/roles";
import { verifyApiToken, type AuditActor } from "@updraft/platform";
import { roleRefusedMessage } from "../authz/tenant-procedure";
import type { SessionUser } from "../trpc/context";
import type { RestRoute } from "./rest-routes";

export interface RestCaller {
  tenant: { id: string; slug: string };
  role: Role;
  /** For audit events: the user, or `token <name>`. */
  actor: AuditActor;
  /** Set when the caller used an API token. */
  tokenId: string | null;
  userId: string | null;
}

export type RestAuthorization = { ok: true; caller: RestCaller } | { ok: false; status: 401 | 403 | 404; message: string };

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerTokenOf(authorization: string | null | undefined): string | null {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}

/**
 * Decides whether a REST request for tenant `tenantSlug` may use `route`, from
 * its bearer token (when the route accepts tokens and one was sent) or its
 * browser session. Answers like the tRPC API: not a member of the tenant →
 * 404 "Tenant not found"; role too low → 403 naming the role needed; no or a
 * bad credential → 401. Public routes (requiredRole null) need nothing.
 */
export async function authorizeRestRequest(
  db: Db,
  route: RestRoute,
  request: { tenantSlug: string; authorization?: string | null; user?: SessionUser | null; now?: Date },
): Promise<RestAuthorization> {
  const required = route.requiredRole;
  if (required === null) throw new Error(`${route.method} ${route.path} is public: it has nothing to authorize`);
  const token = bearerTokenOf(request.authorization);
  if (token !== null || (request.authorization ?? "").trim() !== "") {
    if (!route.auth.includes("token")) {
      return { ok: false, status: 401, message: `${route.method} ${route.path} does not accept API tokens; sign in with a browser session` };
    }
    if (token === null) return { ok: false, status: 401, message: "invalid API token (send Authorization: Bearer upd_…)" };
    const verified = await verifyApiToken(db, token, request.now ?? new Date(), { tenantSlug: request.tenantSlug, role: required });
    if (!verified.ok) return verified;
    const t = verified.token;
    return {
      ok: true,
      caller: {
        tenant: { id: t.tenantId, slug: t.tenantSlug },
        role: t.role,
        actor: { tokenId: t.id, label: `token ${t.name}` },
        tokenId: t.id,
        userId: null,
      },
    };
  }
  if (!route.auth.includes("session") || !request.user) {
    const how = route.auth.includes("token") ? "send Authorization: Bearer upd_… (create a token on the tenant's API tokens page)" : "sign in";
    return { ok: false, status: 401, message: `Authentication required: ${how}` };
  }
  const membership = await db.membership.findFirst({
    where: { userId: request.user.id, tenant: { slug: request.tenantSlug } },
    include: { tenant: { select: { id: true, slug: true } } },
  });
  if (!membership) return { ok: false, status: 404, message: "Tenant not found" };
  if (!roleAtLeast(membership.role, required)) {
    return { ok: false, status: 403, message: roleRefusedMessage(required, membership.tenant.slug, membership.role) };
  }
  return {
    ok: true,
    caller: {
      tenant: membership.tenant,
      role: membership.role,
      actor: { userId: request.user.id, label: request.user.email },
      tokenId: null,
      userId: request.user.id,
    },
  };
}
