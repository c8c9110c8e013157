import { z } from "zod";
import { listAuditEvents } from "@updraft/platform";
import { tenantProcedure } from "../authz/tenant-procedure";
import { router } from "../trpc/trpc";
import { auditFiltersSchema, toAuditEventFilters } from "./audit-filters";

export const auditRouter = router({
  /** The tenant's audit events, newest first, filtered; follow `nextCursor` for older pages. */
  list: tenantProcedure("ADMIN")
    .input(
      auditFiltersSchema.extend({
        cursor: z.string().regex(/^\d{1,19}$/, "cursor is the nextCursor of the previous page").nullish(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) =>
      listAuditEvents(ctx.db, { tenantId: ctx.tenant.id, filters: toAuditEventFilters(input), cursor: input.cursor, limit: input.limit }),
    ),
});
