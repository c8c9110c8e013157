import type { DbOrTx } from "@updraft/db";
import { isoDay, roundMoney } from "./report-filters";

export interface BudgetStatus {
  currency: string;
  /** "YYYY-MM" (UTC). */
  month: string;
  monthToDateCost: number;
  monthlyBudget: number | null;
  warnPercent: number;
  /** Month-to-date cost / budget (null without a budget). */
  usedShare: number | null;
  /** The month-to-date cost reached the warning share of the budget. */
  warning: boolean;
  /** … or the whole budget. */
  overBudget: boolean;
}

/** The tenant's month-to-date cost against its monthly budget (from the rollups). */
export async function budgetStatus(db: DbOrTx, input: { tenantId: string; now?: Date }): Promise<BudgetStatus> {
  const now = input.now ?? new Date();
  const today = isoDay(now);
  const monthStart = `${today.slice(0, 7)}-01`;
  const [tenant, sums] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: input.tenantId }, select: { currency: true, monthlyBudget: true, budgetWarnPercent: true } }),
    db.$queryRaw<{ cost: number }[]>`
      SELECT COALESCE(sum(cost), 0)::float8 AS cost FROM cost_rollups
       WHERE tenant_id = ${input.tenantId}::uuid AND day >= ${monthStart}::date AND day <= ${today}::date`,
  ]);
  const budget = tenant.monthlyBudget === null ? null : Number(tenant.monthlyBudget.toString());
  const monthToDateCost = roundMoney(sums[0]?.cost ?? 0);
  return {
    currency: tenant.currency,
    month: today.slice(0, 7),
    monthToDateCost,
    monthlyBudget: budget,
    warnPercent: tenant.budgetWarnPercent,
    usedShare: budget && budget > 0 ? monthToDateCost / budget : null,
    warning: budget !== null && monthToDateCost >= (budget * tenant.budgetWarnPercent) / 100,
    overBudget: budget !== null && monthToDateCost >= budget,
  };
}
