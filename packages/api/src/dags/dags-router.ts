import { z } from "zod";
import { tenantProcedure } from "../authz/tenant-procedure";
import { router } from "../trpc";
import { backfillDag } from "./backfill-dag";
import { backfillDateSchema, dagFileNameSchema, dagIdSchema, dagSourceSchema, triggerConfSchema } from "./dag-inputs";
import { getDag } from "./get-dag";
import { listDags } from "./list-dags";
import { setDagPaused } from "./set-dag-paused";
import { triggerDag } from "./trigger-dag";
import { uploadDag } from "./upload-dag";

export const dagsRouter = router({
  list: tenantProcedure("VIEWER").query(({ ctx }) => listDags(ctx.db, ctx.tenant.id)),

  get: tenantProcedure("VIEWER")
    .input(z.object({ dagId: dagIdSchema }))
    .query(({ ctx, input }) => getDag(ctx.db, ctx.tenant.id, input.dagId)),

  upload: tenantProcedure("AUTHOR")
    .input(z.object({ fileName: dagFileNameSchema, source: dagSourceSchema }))
    .mutation(({ ctx, input }) =>
      uploadDag(ctx.db, { tenantId: ctx.tenant.id, userId: ctx.user.id, fileName: input.fileName, source: input.source }),
    ),

  setPaused: tenantProcedure("OPERATOR")
    .input(z.object({ dagId: dagIdSchema, paused: z.boolean() }))
    .mutation(({ ctx, input }) =>
      setDagPaused(ctx.db, { tenantId: ctx.tenant.id, dagId: input.dagId, paused: input.paused }),
    ),

  trigger: tenantProcedure("OPERATOR")
    .input(z.object({ dagId: dagIdSchema, conf: triggerConfSchema.optional() }))
    .mutation(({ ctx, input }) =>
      triggerDag(ctx.db, { tenantId: ctx.tenant.id, dagId: input.dagId, conf: input.conf, userId: ctx.user.id }),
    ),

  /**
   * Backfill: runs for every scheduled logical date from `start` to `end`
   * (both inclusive). Bare dates are the start of that day in the DAG's time
   * zone; instants with an offset are used as given. Respects max_active_runs.
   */
  backfill: tenantProcedure("OPERATOR")
    .input(z.object({ dagId: dagIdSchema, start: backfillDateSchema, end: backfillDateSchema }))
    .mutation(({ ctx, input }) =>
      backfillDag(ctx.db, { tenantId: ctx.tenant.id, dagId: input.dagId, start: input.start, end: input.end, userId: ctx.user.id }),
    ),
});
