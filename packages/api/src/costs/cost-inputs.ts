import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { DbOrTx } from "@updraft/db";
import type { CostReportFilters } from "@updraft/cost";

const MAX_RANGE_DAYS = 3 * 366;

export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Days are written YYYY-MM-DD, e.g. 2025-03-01")
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), "Not a calendar day");

export const granularitySchema = z.enum(["day", "week", "month"]);

/** The dashboard's range (UTC days, both included) and its DAG and tag filters. */
export const reportFilterSchema = z
  .object({
    from: isoDaySchema,
    to: isoDaySchema,
    /** dag_ids (names, not database ids); empty = every DAG. */
    dagIds: z.array(z.string().trim().min(1).max(250)).max(100).optional(),
    tag: z.string().trim().max(100).optional(),
  })
  .refine((f) => f.from <= f.to, { message: "The range must start on or before its last day", path: ["from"] })
  .refine((f) => (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 <= MAX_RANGE_DAYS, {
    message: "Pick a range of at most three years",
    path: ["to"],
  });

export type ReportFilterInput = z.infer<typeof reportFilterSchema>;

/** The engine's filters for the tenant; a dag_id that is not the tenant's is NOT_FOUND. */
export async function tenantFilters(db: DbOrTx, tenantId: string, input: ReportFilterInput): Promise<CostReportFilters> {
  let dagDbIds: string[] | undefined;
  if (input.dagIds && input.dagIds.length > 0) {
    const wanted = [...new Set(input.dagIds)];
    const dags = await db.dag.findMany({ where: { tenantId, dagId: { in: wanted } }, select: { id: true, dagId: true } });
    const missing = wanted.filter((id) => !dags.some((d) => d.dagId === id));
    if (missing.length > 0) {
      throw new TRPCError({ code: "NOT_FOUND", message: `DAG "${missing[0]}" not found in this tenant` });
    }
    dagDbIds = dags.map((d) => d.id);
  }
  return { tenantId, from: input.from, to: input.to, dagDbIds, tag: input.tag || undefined };
}

export const budgetInputSchema = z.object({
  /** null removes the budget. */
  monthlyBudget: z.number("The budget is an amount, e.g. 500").positive("The budget must be above 0").nullable(),
  warnPercent: z.number().int("The warning threshold is a whole percentage").min(1).max(100).optional(),
});

export const priceSheetInputSchema = z.object({
  /** null = the platform's sheet; a tenant's id = its override. */
  tenantId: z.uuid("Pick a tenant (its id is a UUID)").nullable(),
  effectiveFrom: z.coerce.date().optional(),
  cpuHour: z.number("The price per vCPU-hour is a number, e.g. 0.031611"),
  memoryGibHour: z.number("The price per GiB-hour is a number, e.g. 0.004237"),
  gpuHour: z.number("The price per GPU-hour is a number, e.g. 0.95"),
  currency: z.string().trim().max(3).optional(),
  note: z.string().trim().max(500).optional(),
});
