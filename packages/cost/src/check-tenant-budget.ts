import type { DbOrTx } from "@updraft/db";
import { recordAuditEvent } from "@updraft/platform";

export interface BudgetCheckResult {
  /** null when the tenant has no budget (or does not exist). */
  monthToDateCost: number | null;
  monthlyBudget: number | null;
  /** True when this call crossed the warning threshold and recorded budget.warning. */
  warned: boolean;
}

/** "2025-03": the UTC month a moment falls in. */
export const monthKey = (at: Date): string => at.toISOString().slice(0, 7);

const monthStart = (at: Date): Date => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));

/**
 * Warns a tenant's admins once per month: when its month-to-date rollup cost
 * reaches budget × warnPercent / 100 and budgetWarnedMonth is not this month,
 * sets budgetWarnedMonth and records the audit event budget.warning.
 */
export async function checkTenantBudget(
  db: DbOrTx,
  input: { tenantId: string },
  now: Date = new Date(),
): Promise<BudgetCheckResult> {
  const tenant = await db.tenant.findUnique({
    where: { id: input.tenantId },
    select: { monthlyBudget: true, budgetWarnPercent: true, budgetWarnedMonth: true, currency: true },
  });
  if (!tenant || tenant.monthlyBudget === null) return { monthToDateCost: null, monthlyBudget: null, warned: false };
  const month = monthKey(now);
  const budget = Number(tenant.monthlyBudget);
  const sum = await db.costRollup.aggregate({
    where: { tenantId: input.tenantId, day: { gte: monthStart(now) } },
    _sum: { cost: true },
  });
  const spent = Number(sum._sum.cost ?? 0);
  const threshold = (budget * tenant.budgetWarnPercent) / 100;
  if (tenant.budgetWarnedMonth === month || spent < threshold) {
    return { monthToDateCost: spent, monthlyBudget: budget, warned: false };
  }
  // Only the caller that flips the month records the event (concurrent tries ending at once).
  const flipped = await db.tenant.updateMany({
    where: {
      id: input.tenantId,
      OR: [{ budgetWarnedMonth: null }, { budgetWarnedMonth: { not: month } }],
    },
    data: { budgetWarnedMonth: month },
  });
  if (flipped.count === 0) return { monthToDateCost: spent, monthlyBudget: budget, warned: false };
  await recordAuditEvent(
    db,
    {
      tenantId: input.tenantId,
      actor: { label: "updraft" },
      action: "budget.warning",
      targetType: "tenant",
      target: input.tenantId,
      details: {
        month,
        monthToDateCost: Math.round(spent * 100) / 100,
        monthlyBudget: budget,
        warnPercent: tenant.budgetWarnPercent,
        currency: tenant.currency,
      },
    },
    now,
  );
  return { monthToDateCost: spent, monthlyBudget: budget, warned: true };
}
