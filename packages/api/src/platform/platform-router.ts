import { z } from "zod";
import { createTenant, enqueueTenantProvisioning, listTenantUsage, updateTenantQuota } from "@updraft/platform";
import { platformAdminProcedure } from "../authz/platform-admin-procedure";
import { inputField, resultField, textOf } from "../trpc/procedure-meta";
import { router } from "../trpc/trpc";
import { deleteConfirmedTenant } from "./delete-confirmed-tenant";
import { requireTenant } from "./require-tenant";
import { confirmSlugSchema, newTenantInputSchema, quotaInputSchema, tenantIdSchema } from "./platform-inputs";

/** Platform administration: every tenant, its quota and usage. Platform admins only. */
export const platformRouter = router({
  tenants: router({
    /** Every tenant by slug, with its quota, what is in use, tasks waiting for quota and provisioning status. */
    list: platformAdminProcedure.query(({ ctx }) => listTenantUsage(ctx.db)),

    /** A new tenant owned by the caller; its Kubernetes namespace is provisioned in the background. */
    create: platformAdminProcedure
      .meta({
        audit: {
          action: "tenant.create",
          targetType: "tenant",
          target: resultField("slug"),
          // Platform-wide: the tenant's own log starts with its first member's actions.
          tenantId: () => null,
          details: (input) => ({ name: input.name }),
        },
      })
      .input(newTenantInputSchema)
      .mutation(({ ctx, input }) => createTenant(ctx.db, { slug: input.slug, name: input.name, ownerUserId: ctx.user.id })),

    /** Saves the quota, re-provisions the namespace, and admits tasks the new limits let run. */
    setQuota: platformAdminProcedure
      .meta({
        audit: {
          action: "tenant.set_quota",
          targetType: "tenant",
          target: inputField("tenantId"),
          tenantId: (input) => textOf(input.tenantId) ?? null,
          details: (input) => ({ quota: input.quota }),
        },
      })
      .input(z.object({ tenantId: tenantIdSchema, quota: quotaInputSchema }))
      .mutation(async ({ ctx, input }) => {
        await requireTenant(ctx.db, input.tenantId);
        return updateTenantQuota(ctx.db, { tenantId: input.tenantId, quota: input.quota });
      }),

    /** Deletes the tenant and its namespace; `confirmSlug` must be the tenant's slug. */
    delete: platformAdminProcedure
      // Platform-wide: the tenant's own events are deleted with it.
      .meta({ audit: { action: "tenant.delete", targetType: "tenant", target: resultField("slug"), tenantId: () => null } })
      .input(z.object({ tenantId: tenantIdSchema, confirmSlug: confirmSlugSchema }))
      .mutation(({ ctx, input }) => deleteConfirmedTenant(ctx.db, input)),

    /** Runs provisioning again (after a failure, or to repair drift). */
    reprovision: platformAdminProcedure
      .meta({
        audit: { action: "tenant.reprovision", targetType: "tenant", target: inputField("tenantId"), tenantId: (input) => textOf(input.tenantId) ?? null },
      })
      .input(z.object({ tenantId: tenantIdSchema }))
      .mutation(async ({ ctx, input }) => {
        await requireTenant(ctx.db, input.tenantId);
        await enqueueTenantProvisioning(ctx.db, input.tenantId);
        return { tenantId: input.tenantId };
      }),
  }),
});

