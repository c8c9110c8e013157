import { z } from "zod";
import { tenantProcedure } from "../authz/tenant-procedure";
import { dagIdSchema } from "../dags/dag-inputs";
import { router } from "../trpc";
import { getRun } from "./get-run";
import { listRuns } from "./list-runs";

export const runsRouter = router({
  /** Runs of one DAG, newest first. */
  list: tenantProcedure("VIEWER")
    .input(z.object({ dagId: dagIdSchema, limit: z.number().int().min(1).max(200).default(25) }))
    .query(({ ctx, input }) => listRuns(ctx.db, { tenantId: ctx.tenant.id, dagId: input.dagId, limit: input.limit })),

  /** One run (by its uuid `id`, not the `runId` text) with task instances and the task graph. */
  get: tenantProcedure("VIEWER")
    .input(z.object({ id: z.guid("Run ids are UUIDs") }))
    .query(({ ctx, input }) => getRun(ctx.db, { tenantId: ctx.tenant.id, id: input.id })),
});
