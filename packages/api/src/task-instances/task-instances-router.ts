import { z } from "zod";
import { tenantProcedure } from "../authz/tenant-procedure";
import { router } from "../trpc/trpc";
import { getTaskInstance } from "./get-task-instance";

export const taskInstancesRouter = router({
  /** A task instance with all its tries (times, exit code, rendered command and masked env). */
  get: tenantProcedure("VIEWER")
    .input(z.object({ id: z.guid("Task instance ids are UUIDs") }))
    .query(({ ctx, input }) => getTaskInstance(ctx.db, { tenantId: ctx.tenant.id, id: input.id })),
});
