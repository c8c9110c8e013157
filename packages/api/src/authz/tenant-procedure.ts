import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Role } from "@updraft/db";
import { signedInBaseProcedure } from "../trpc";
import { roleAtLeast } from "./role-rank";

export const tenantSlugSchema = z.string().trim().min(1, "Pick a tenant").max(100);

export function roleRefusedMessage(minRole: Role, tenantSlug: string, role: Role): string {
  return `This needs the ${minRole} role (or higher) in tenant "${tenantSlug}"; your role is ${role}. Ask a tenant owner or admin for access.`;
}

/**
 * The ONE way into tenant data. The input must carry `tenantSlug`; the caller
 * must be a member of that tenant with at least `minRole`, which is recorded
 * as `meta.requiredRole` and read back from there (the meta is the single
 * source of truth the generated role tests check). Adds `ctx.tenant` and
 * `ctx.membership`. Procedures built on this must look every client-sent id
 * up together with `tenantId: ctx.tenant.id`.
 *
 * A non-member gets NOT_FOUND, exactly like a tenant that does not exist, so
 * tenant slugs cannot be probed.
 */
export function tenantProcedure(minRole: Role) {
  return signedInBaseProcedure
    .meta({ requiredRole: minRole })
    .input(z.object({ tenantSlug: tenantSlugSchema }))
    .use(async ({ ctx, input, meta, next }) => {
      const required = meta?.requiredRole;
      if (!required) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "This procedure declares no required role." });
      const membership = await ctx.db.membership.findFirst({
        where: { userId: ctx.user.id, tenant: { slug: input.tenantSlug } },
        include: { tenant: true },
      });
      if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "Tenant not found" });
      if (!roleAtLeast(membership.role, required)) {
        throw new TRPCError({ code: "FORBIDDEN", message: roleRefusedMessage(required, membership.tenant.slug, membership.role) });
      }
      const { tenant, ...membershipRow } = membership;
      ctx.auditScope.tenantId = tenant.id;
      return next({ ctx: { tenant, membership: membershipRow } });
    });
}
