import { z } from "zod";
import { tenantProcedure } from "../authz/tenant-procedure";
import { router } from "../trpc/trpc";
import { readTaskLog } from "./read-task-log";

export const logsRouter = router({
  /** Log chunks of a task try after `afterId` (poll with `nextCursor` until `finished`). */
  forTask: tenantProcedure("VIEWER")
    .input(
      z.object({
        taskInstanceId: z.guid("Task instance ids are UUIDs"),
        tryNumber: z.number().int().min(0).optional(),
        afterId: z.string().regex(/^\d{1,19}$/, "afterId is a log cursor: the nextCursor of the previous page").optional(),
        limit: z.number().int().min(1).max(1000).default(500),
      }),
    )
    .query(({ ctx, input }) =>
      readTaskLog(ctx.db, {
        tenantId: ctx.tenant.id,
        taskInstanceId: input.taskInstanceId,
        tryNumber: input.tryNumber,
        afterId: input.afterId,
        limit: input.limit,
      }),
    ),
});
