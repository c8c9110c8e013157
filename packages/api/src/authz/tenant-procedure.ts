import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { Prisma, type Membership, type Role, type Tenant } from "@updraft/db";
import { signedInBaseProcedure } from "../trpc/trpc";
import { roleAtLeast } from "@updraft/domain/roles";

export const tenantSlugSchema = z.string().trim().min(1, "Pick a tenant").max(100);

/** What tenant procedures know about their tenant (`ctx.tenant`). */
export type TenantScope = Pick<Tenant, "id" | "slug" | "name">;

interface MembershipRow extends Membership {
  tenantSlug: string;
  tenantName: string;
}

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
      // One statement (every tenant request runs it): the membership with the tenant's id, slug and name.
      const [row] = await ctx.db.$queryRaw<MembershipRow[]>(Prisma.sql`
        SELECT m.id, m.user_id AS "userId", m.tenant_id AS "tenantId", m.role::text AS role, m.created_at AS "createdAt",
               t.slug AS "tenantSlug", t.name AS "tenantName"
          FROM memberships m
          JOIN tenants t ON t.id = m.tenant_id
         WHERE m.user_id = ${ctx.user.id}::uuid AND t.slug = ${input.tenantSlug}`);
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Tenant not found" });
      if (!roleAtLeast(row.role, required)) {
        throw new TRPCError({ code: "FORBIDDEN", message: roleRefusedMessage(required, row.tenantSlug, row.role) });
      }
      const tenant: TenantScope = { id: row.tenantId, slug: row.tenantSlug, name: row.tenantName };
      const membership: Membership = { id: row.id, userId: row.userId, tenantId: row.tenantId, role: row.role, createdAt: row.createdAt };
      ctx.auditScope.tenantId = tenant.id;
      return next({ ctx: { tenant, membership } });
    });
}
