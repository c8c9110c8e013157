import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Role } from "@updraft/db";
import { authedProcedure } from "../trpc";
import { roleAtLeast } from "./role-rank";

export const tenantSlugSchema = z.string().trim().min(1, "Pick a tenant").max(100);

/**
 * The ONE way into tenant data. The input must carry `tenantSlug`; the caller
 * must be a member of that tenant with at least `minRole`. Adds `ctx.tenant`
 * and `ctx.membership`. Procedures built on this must look every client-sent
 * id up together with `tenantId: ctx.tenant.id`.
 *
 * A non-member gets NOT_FOUND, exactly like a tenant that does not exist, so
 * tenant slugs cannot be probed.
 */
export function tenantProcedure(minRole: Role) {
  return authedProcedure.input(z.object({ tenantSlug: tenantSlugSchema })).use(async ({ ctx, input, next }) => {
    const membership = await ctx.db.membership.findFirst({
      where: { userId: ctx.user.id, tenant: { slug: input.tenantSlug } },
      include: { tenant: true },
    });
    if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "Tenant not found" });
    if (!roleAtLeast(membership.role, minRole)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${minRole} role (or higher) in tenant "${membership.tenant.slug}"; your role is ${membership.role}. Ask a tenant owner or admin for access.`,
      });
    }
    const { tenant, ...membershipRow } = membership;
    return next({ ctx: { tenant, membership: membershipRow } });
  });
}
