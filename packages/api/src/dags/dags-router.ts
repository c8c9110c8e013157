import { z } from "zod";
import { fieldOf, inputField, resultField } from "../trpc/procedure-meta";
import { tenantProcedure } from "../authz/tenant-procedure";
import { router } from "../trpc/trpc";
import { backfillDag } from "./backfill-dag";
import { deleteDag } from "./delete-dag";
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
    .meta({
      audit: {
        action: "dag.upload",
        targetType: "dag",
        target: resultField("dagId"),
        details: (input, result) => ({ fileName: input.fileName, version: fieldOf(result, "version"), unchanged: fieldOf(result, "unchanged") }),
        // A rejected file stores nothing.
        skip: (_input, result) => fieldOf(result, "ok") !== true,
      },
    })
    .input(z.object({ fileName: dagFileNameSchema, source: dagSourceSchema }))
    .mutation(({ ctx, input }) =>
      uploadDag(ctx.db, { tenantId: ctx.tenant.id, userId: ctx.user.id, fileName: input.fileName, source: input.source }),
    ),

  /** Deletes a DAG with its versions, runs and logs (not while a run is queued or running). */
  delete: tenantProcedure("AUTHOR")
    .meta({
      audit: {
        action: "dag.delete",
        targetType: "dag",
        target: inputField("dagId"),
        details: (_input, result) => ({ versions: fieldOf(result, "versions"), runs: fieldOf(result, "runs") }),
      },
    })
    .input(z.object({ dagId: dagIdSchema }))
    .mutation(({ ctx, input }) => deleteDag(ctx.db, { tenantId: ctx.tenant.id, dagId: input.dagId })),

  setPaused: tenantProcedure("OPERATOR")
    .meta({
      audit: { action: "dag.set_paused", targetType: "dag", target: inputField("dagId"), details: (input) => ({ paused: input.paused }) },
    })
    .input(z.object({ dagId: dagIdSchema, paused: z.boolean() }))
    .mutation(({ ctx, input }) =>
      setDagPaused(ctx.db, { tenantId: ctx.tenant.id, dagId: input.dagId, paused: input.paused }),
    ),

  trigger: tenantProcedure("OPERATOR")
    .meta({
      audit: { action: "dag.trigger", targetType: "dag", target: inputField("dagId"), details: (_input, result) => ({ runId: fieldOf(result, "runId") }) },
    })
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
    .meta({
      audit: {
        action: "dag.backfill",
        targetType: "dag",
        target: inputField("dagId"),
        details: (input, result) => ({ start: input.start, end: input.end, created: fieldOf(result, "created"), skipped: fieldOf(result, "skipped") }),
      },
    })
    .input(z.object({ dagId: dagIdSchema, start: backfillDateSchema, end: backfillDateSchema }))
    .mutation(({ ctx, input }) =>
      backfillDag(ctx.db, { tenantId: ctx.tenant.id, dagId: input.dagId, start: input.start, end: input.end, userId: ctx.user.id }),
    ),
});
