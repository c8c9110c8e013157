import type { Role } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { ROLES_BY_RANK, rolesBelow } from "@updraft/domain/roles";
import { createApiToken, revokeApiToken } from "@updraft/platform";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";
import { authorizeRestRequest, bearerTokenOf } from "./authorize-rest-request";
import { REST_ROUTES, type RestRoute, type RestRouteId } from "./rest-routes";

const testDb = useTestDatabase();

/**
 * One entry per REST route: a route added to REST_ROUTES without one fails
 * "has a case for every route". Tenant routes are then checked generically.
 */
const REST_ROUTE_CASES: Record<RestRouteId, { why: string }> = {
  "dags.deploy": { why: "CI deploys with an AUTHOR+ token of the tenant" },
  "audit.csv": { why: "tenant admins export the audit log from the browser" },
  openapi: { why: "public API description: no tenant, no data" },
};

const DAY = 24 * 60 * 60 * 1000;
const ROUTES: readonly RestRoute[] = REST_ROUTES;

describe("REST routes (generated from REST_ROUTES)", () => {
  let acmeOwnerId: string;
  let acmeTenantId: string;
  let globexOwnerId: string;
  let globexTenantId: string;
  const members = {} as Record<Role, Awaited<ReturnType<typeof memberWithRole>>>;

  beforeAll(async () => {
    for (const role of ROLES_BY_RANK) members[role] = await memberWithRole(testDb.db, "acme", role);
    acmeOwnerId = members.OWNER.user.id;
    acmeTenantId = members.OWNER.tenant.id;
    const globex = await memberWithRole(testDb.db, "globex", "OWNER");
    globexOwnerId = globex.user.id;
    globexTenantId = globex.tenant.id;
  });

  const token = async (tenantId: string, creatorUserId: string, role: Role, name: string, days = 30) =>
    (await createApiToken(testDb.db, { tenantId, creatorUserId, name, role, expiresInDays: days })).token;

  it("has a case for every route, and every route declares its role and credentials", () => {
    expect(Object.keys(REST_ROUTE_CASES).sort()).toEqual(REST_ROUTES.map((r) => r.id).sort());
    for (const route of ROUTES) {
      // Tenant routes name the tenant and accept some credential; public ones neither.
      expect(route.path.includes(":slug"), route.id).toBe(route.requiredRole !== null);
      expect(route.auth.length > 0, route.id).toBe(route.requiredRole !== null);
    }
  });

  for (const route of ROUTES.filter((r) => r.requiredRole !== null)) {
    const required = route.requiredRole as Role;
    describe(`${route.method} ${route.path} (${required}+ via ${route.auth.join(", ")})`, () => {
      if (route.auth.includes("token")) {
        it("takes a token of the tenant with the required role, and refuses weaker ones with 403 naming the role", async () => {
          const good = await token(acmeTenantId, acmeOwnerId, required, `${route.id}-good`);
          const ok = await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme", authorization: `Bearer ${good}` });
          expect(ok).toMatchObject({ ok: true, caller: { tenant: { slug: "acme" }, role: required, actor: { label: `token ${route.id}-good` } } });
          for (const role of rolesBelow(required)) {
            const weak = await token(acmeTenantId, acmeOwnerId, role, `${route.id}-${role}`);
            const refused = await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme", authorization: `Bearer ${weak}` });
            expect(refused, role).toEqual({ ok: false, status: 403, message: expect.stringContaining(`needs an API token with the ${required} role`) });
          }
        });

        it("refuses another tenant's token with 403, and unknown, revoked and expired tokens with 401", async () => {
          const foreign = await token(globexTenantId, globexOwnerId, "OWNER", `${route.id}-globex`);
          expect(await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme", authorization: `Bearer ${foreign}` })).toEqual({
            ok: false,
            status: 403,
            message: expect.stringContaining('this API token is for tenant "globex", not "acme"'),
          });
          const unknown = `upd_${"x".repeat(40)}`;
          expect(await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme", authorization: `Bearer ${unknown}` })).toEqual({
            ok: false,
            status: 401,
            message: "invalid API token",
          });
          const revoked = await createApiToken(testDb.db, { tenantId: acmeTenantId, creatorUserId: acmeOwnerId, name: `${route.id}-revoked`, role: "OWNER", expiresInDays: 30 });
          await revokeApiToken(testDb.db, { tenantId: acmeTenantId, tokenId: revoked.apiToken.id }, new Date("2030-01-02T03:04:00Z"));
          expect(await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme", authorization: `Bearer ${revoked.token}` })).toEqual({
            ok: false,
            status: 401,
            message: "this API token was revoked on 2030-01-02 03:04 UTC",
          });
          const expiring = await token(acmeTenantId, acmeOwnerId, "OWNER", `${route.id}-expiring`, 1);
          const later = new Date(Date.now() + 2 * DAY);
          const expired = await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme", authorization: `Bearer ${expiring}`, now: later });
          expect(expired).toEqual({ ok: false, status: 401, message: expect.stringMatching(/^this API token expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC$/) });
        });
      } else {
        it("does not accept API tokens", async () => {
          const strong = await token(acmeTenantId, acmeOwnerId, "OWNER", `${route.id}-owner`);
          const refused = await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme", authorization: `Bearer ${strong}` });
          expect(refused).toMatchObject({ ok: false, status: 401 });
        });
      }

      if (route.auth.includes("session")) {
        it("takes a member session with the required role; weaker roles get 403, other tenants' members 404", async () => {
          expect(await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme", user: members[required].user })).toMatchObject({
            ok: true,
            caller: { tenant: { slug: "acme" }, actor: { label: members[required].user.email } },
          });
          for (const role of rolesBelow(required)) {
            expect(await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme", user: members[role].user }), role).toEqual({
              ok: false,
              status: 403,
              message: expect.stringContaining(`needs the ${required} role`),
            });
          }
          const outsider = await memberWithRole(testDb.db, "globex", "OWNER");
          expect(await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme", user: outsider.user })).toEqual({
            ok: false,
            status: 404,
            message: "Tenant not found",
          });
        });
      } else {
        it("does not accept browser sessions (no cookie-authenticated writes)", async () => {
          const refused = await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme", user: members.OWNER.user });
          expect(refused).toMatchObject({ ok: false, status: 401 });
        });
      }

      it("asks callers without credentials to authenticate (401)", async () => {
        expect(await authorizeRestRequest(testDb.db, route, { tenantSlug: "acme" })).toMatchObject({ ok: false, status: 401 });
      });
    });
  }

  it("reads bearer tokens from the Authorization header", () => {
    expect(bearerTokenOf("Bearer upd_abc")).toBe("upd_abc");
    expect(bearerTokenOf("bearer  upd_abc ")).toBe("upd_abc");
    expect(bearerTokenOf("Basic dXNlcg==")).toBeNull();
    expect(bearerTokenOf(null)).toBeNull();
  });
});
