import { z } from "zod";
import { inputField } from "../trpc/procedure-meta";
import { tenantProcedure } from "../authz/tenant-procedure";
import { dagIdSchema } from "../dags/dag-inputs";
import { router } from "../trpc/trpc";
import { clearRunTasks } from "./clear-run-tasks";
import { getRun } from "./get-run";
import { getRunGantt } from "./get-run-gantt";
import { getRunGrid } from "./get-run-grid";
import { listRuns } from "./list-runs";
import { markRun } from "./mark-run";

const runIdSchema = z.guid("Run ids are UUIDs");

export const runsRouter = router({
  /** Runs of one DAG, newest first. */
  list: tenantProcedure("VIEWER")
    .input(z.object({ dagId: dagIdSchema, limit: z.number().int().min(1).max(200).default(25) }))
    .query(({ ctx, input }) => listRuns(ctx.db, { tenantId: ctx.tenant.id, dagId: input.dagId, limit: input.limit })),

  /** One run (by its uuid `id`, not the `runId` text) with task instances and the task graph. */
  get: tenantProcedure("VIEWER")
    .input(z.object({ id: runIdSchema }))
    .query(({ ctx, input }) => getRun(ctx.db, { tenantId: ctx.tenant.id, id: input.id })),

  /** The Grid: the DAG's last `limit` runs (oldest → newest) × its tasks (graph order). */
  grid: tenantProcedure("VIEWER")
    .input(z.object({ dagId: dagIdSchema, limit: z.number().int().min(1).max(100).default(25) }))
    .query(({ ctx, input }) => getRunGrid(ctx.db, { tenantId: ctx.tenant.id, dagId: input.dagId, limit: input.limit })),

  /** The Gantt: every try of every task of one run, with queued / started / ended times. */
  gantt: tenantProcedure("VIEWER")
    .input(z.object({ id: runIdSchema }))
    .query(({ ctx, input }) => getRunGantt(ctx.db, { tenantId: ctx.tenant.id, id: input.id })),

  /** Mark a run success or failed (unfinished tasks are settled by the engine). */
  mark: tenantProcedure("OPERATOR")
    .meta({ audit: { action: "run.mark", targetType: "run", target: inputField("id"), details: (input) => ({ state: input.state }) } })
    .input(z.object({ id: runIdSchema, state: z.enum(["SUCCESS", "FAILED"], "state is SUCCESS or FAILED") }))
    .mutation(({ ctx, input }) =>
      markRun(ctx.db, { tenantId: ctx.tenant.id, id: input.id, state: input.state, actor: ctx.user.email }),
    ),

  /** Clear tasks of a run (optionally with everything downstream of them) so they run again as a new try. */
  clear: tenantProcedure("OPERATOR")
    .meta({
      audit: {
        action: "run.clear",
        targetType: "run",
        target: inputField("id"),
        details: (input, result) => ({
          taskIds: input.taskIds,
          includeDownstream: input.includeDownstream === true,
          cleared: (result as { cleared?: unknown } | null)?.cleared,
        }),
      },
    })
    .input(
      z.object({
        id: runIdSchema,
        taskIds: z.array(z.string().trim().min(1).max(200)).min(1, "Pick at least one task to clear").max(1000),
        includeDownstream: z.boolean().default(false),
      }),
    )
    .mutation(({ ctx, input }) =>
      clearRunTasks(ctx.db, {
        tenantId: ctx.tenant.id,
        id: input.id,
        taskIds: input.taskIds,
        includeDownstream: input.includeDownstream,
        actor: ctx.user.email,
      }),
    ),
});
