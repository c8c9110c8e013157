import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  budgetStatus,
  costOverTime,
  costReportOptions,
  createPriceSheet,
  dagRunCosts,
  efficiencyReport,
  estimateRunCost,
  listPriceSheets,
  platformTenantCosts,
  setTenantBudget,
  taskTryCosts,
  topTasksByCost,
  usageOverTime,
} from "@updraft/cost";
import { platformAdminProcedure } from "../authz/platform-admin-procedure";
import { inputField, resultField, textOf } from "../trpc/procedure-meta";
import { tenantProcedure } from "../authz/tenant-procedure";
import { findDagOrThrow } from "../dags/find-dag";
import { router } from "../trpc/trpc";
import { budgetInputSchema, granularitySchema, isoDaySchema, priceSheetInputSchema, reportFilterSchema, tenantFilters } from "./cost-inputs";

const dagIdSchema = z.string().trim().min(1, "Pick a DAG").max(250);

/** Cost and resource reports (Viewers and up), the tenant's budget (Admins), price sheets (platform admins). */
export const costsRouter = router({
  /** The tenant's currency, DAGs and tags for the dashboard's filters. */
  options: tenantProcedure("VIEWER").query(({ ctx }) => costReportOptions(ctx.db, { tenantId: ctx.tenant.id })),

  /** Cost per day, week or month, stacked by DAG. */
  overTime: tenantProcedure("VIEWER")
    .input(z.object({ filters: reportFilterSchema, granularity: granularitySchema }))
    .query(async ({ ctx, input }) =>
      costOverTime(ctx.db, { filters: await tenantFilters(ctx.db, ctx.tenant.id, input.filters), granularity: input.granularity }),
    ),

  /** The most expensive tasks of the selection. */
  topTasks: tenantProcedure("VIEWER")
    .input(z.object({ filters: reportFilterSchema, limit: z.number().int().min(1).max(500).optional() }))
    .query(async ({ ctx, input }) =>
      topTasksByCost(ctx.db, { filters: await tenantFilters(ctx.db, ctx.tenant.id, input.filters), limit: input.limit }),
    ),

  /** Requested against used cpu and memory per period. */
  usage: tenantProcedure("VIEWER")
    .input(z.object({ filters: reportFilterSchema, granularity: granularitySchema }))
    .query(async ({ ctx, input }) =>
      usageOverTime(ctx.db, { filters: await tenantFilters(ctx.db, ctx.tenant.id, input.filters), granularity: input.granularity }),
    ),

  /** Used/requested per DAG and task, with a hint where requests are ≥ 4× use. */
  efficiency: tenantProcedure("VIEWER")
    .input(z.object({ filters: reportFilterSchema }))
    .query(async ({ ctx, input }) => efficiencyReport(ctx.db, { filters: await tenantFilters(ctx.db, ctx.tenant.id, input.filters) })),

  /** The cost of each of a DAG's last runs. */
  dagRuns: tenantProcedure("VIEWER")
    .input(z.object({ dagId: dagIdSchema, limit: z.number().int().min(1).max(200).optional() }))
    .query(async ({ ctx, input }) => {
      const dag = await findDagOrThrow(ctx.db, ctx.tenant.id, input.dagId);
      return dagRunCosts(ctx.db, { tenantId: ctx.tenant.id, dagDbId: dag.id, limit: input.limit });
    }),

  /** Cost and usage per try of a task instance. */
  taskTries: tenantProcedure("VIEWER")
    .input(z.object({ taskInstanceId: z.guid("Task instance ids are UUIDs") }))
    .query(async ({ ctx, input }) => {
      const tries = await taskTryCosts(ctx.db, { tenantId: ctx.tenant.id, taskInstanceId: input.taskInstanceId });
      if (!tries) throw new TRPCError({ code: "NOT_FOUND", message: "Task instance not found in this tenant" });
      return tries;
    }),

  /** The expected cost of one run of the DAG (requests × median durations of recent successful tries). */
  estimate: tenantProcedure("VIEWER")
    .input(z.object({ dagId: dagIdSchema }))
    .query(async ({ ctx, input }) => {
      const dag = await findDagOrThrow(ctx.db, ctx.tenant.id, input.dagId);
      return estimateRunCost(ctx.db, { tenantId: ctx.tenant.id, dagDbId: dag.id });
    }),

  /** Month-to-date cost against the monthly budget (the Admins' banner). */
  budget: tenantProcedure("ADMIN").query(({ ctx }) => budgetStatus(ctx.db, { tenantId: ctx.tenant.id })),

  /** Sets or clears the monthly budget and its warning share. */
  setBudget: tenantProcedure("ADMIN")
    .meta({
      audit: {
        action: "budget.set",
        targetType: "tenant",
        target: inputField("tenantSlug"),
        details: (input) => ({ monthlyBudget: input.monthlyBudget, warnPercent: input.warnPercent }),
      },
    })
    .input(budgetInputSchema)
    .mutation(({ ctx, input }) =>
      setTenantBudget(ctx.db, { tenantId: ctx.tenant.id, monthlyBudget: input.monthlyBudget, warnPercent: input.warnPercent }),
    ),

  platform: router({
    /** Every tenant's cost in the range and this month, against its quota and budget. */
    tenants: platformAdminProcedure
      .input(z.object({ from: isoDaySchema, to: isoDaySchema }))
      .query(({ ctx, input }) => platformTenantCosts(ctx.db, input)),

    /** The platform's price sheets (tenantId null) or a tenant's overrides, newest first. */
    priceSheets: platformAdminProcedure
      .input(z.object({ tenantId: z.uuid("Pick a tenant (its id is a UUID)").nullable() }))
      .query(({ ctx, input }) => listPriceSheets(ctx.db, { tenantId: input.tenantId })),

    /** Adds a price sheet, effective now or later (never in the past). */
    createPriceSheet: platformAdminProcedure
      .meta({
        audit: {
          action: "pricing.create_sheet",
          targetType: "price_sheet",
          target: resultField("id"),
          tenantId: (input) => textOf(input.tenantId) ?? null,
          details: (input) => ({ cpuHour: input.cpuHour, memoryGibHour: input.memoryGibHour, gpuHour: input.gpuHour, currency: input.currency }),
        },
      })
      .input(priceSheetInputSchema)
      .mutation(({ ctx, input }) =>
        createPriceSheet(ctx.db, {
          tenantId: input.tenantId,
          effectiveFrom: input.effectiveFrom,
          cpuHour: input.cpuHour,
          memoryGibHour: input.memoryGibHour,
          gpuHour: input.gpuHour,
          currency: input.currency || undefined,
          note: input.note || null,
          createdById: ctx.user.id,
        }),
      ),
  }),
});
