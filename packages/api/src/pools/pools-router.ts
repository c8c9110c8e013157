import { z } from "zod";
import { deletePool, listPools, upsertPool } from "@updraft/engine";
import { tenantProcedure } from "../authz/tenant-procedure";
import { router } from "../trpc";
import { poolDescriptionSchema, poolNameSchema, poolSlotsSchema } from "./pool-inputs";

export const poolsRouter = router({
  /** The tenant's pools with their slot use; default_pool is always there (128 slots until edited). */
  list: tenantProcedure("VIEWER").query(({ ctx }) => listPools(ctx.db, { tenantId: ctx.tenant.id })),

  /** Creates a pool or changes its slots / description. */
  upsert: tenantProcedure("ADMIN")
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
    .input(z.object({ name: poolNameSchema }))
    .mutation(async ({ ctx, input }) => {
      await deletePool(ctx.db, { tenantId: ctx.tenant.id, name: input.name });
      return { name: input.name };
    }),
});
