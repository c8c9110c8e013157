import { z } from "zod";
import { TRPCError } from "@trpc/server";
import { DEFAULT_POOL, deletePool, listPools, upsertPool } from "@updraft/engine";
import { inputField } from "../trpc/procedure-meta";
import { tenantProcedure } from "../authz/tenant-procedure";
import { router } from "../trpc/trpc";
import { poolDescriptionSchema, poolNameSchema, poolSlotsSchema } from "./pool-inputs";

export const poolsRouter = router({
  /** The tenant's pools with their slot use; default_pool is always there (128 slots until edited). */
  list: tenantProcedure("VIEWER").query(({ ctx }) => listPools(ctx.db, { tenantId: ctx.tenant.id })),

  /** Creates a pool or changes its slots / description. */
  upsert: tenantProcedure("ADMIN")
    .meta({
      audit: {
        action: "pool.upsert",
        targetType: "pool",
        target: inputField("name"),
        details: (input) => ({ slots: input.slots, description: input.description }),
      },
    })
    .input(z.object({ name: poolNameSchema, slots: poolSlotsSchema, description: poolDescriptionSchema.optional() }))
    .mutation(async ({ ctx, input }) => {
      const pool = await upsertPool(ctx.db, {
        tenantId: ctx.tenant.id,
        name: input.name,
        slots: input.slots,
        // An emptied description field clears it.
        description: input.description === "" ? null : input.description,
      });
      return { name: pool.name, slots: pool.slots, description: pool.description };
    }),

  /** Deletes a pool (not default_pool); its waiting tasks wait until it exists again. */
  delete: tenantProcedure("ADMIN")
    .meta({ audit: { action: "pool.delete", targetType: "pool", target: inputField("name") } })
    .input(z.object({ name: poolNameSchema }))
    .mutation(async ({ ctx, input }) => {
      const exists = await ctx.db.pool.findUnique({ where: { tenantId_name: { tenantId: ctx.tenant.id, name: input.name } } });
      if (!exists && input.name !== DEFAULT_POOL) {
        throw new TRPCError({ code: "NOT_FOUND", message: `There is no pool "${input.name}" in this tenant.` });
      }
      await deletePool(ctx.db, { tenantId: ctx.tenant.id, name: input.name });
      return { name: input.name };
    }),
});
