import type { DbOrTx } from "@updraft/db";
import { UserError } from "@updraft/engine";

export interface SetTenantBudgetInput {
  tenantId: string;
  /** null removes the budget. */
  monthlyBudget: number | null;
  /** Share of the budget at which admins are warned, 1–100 (default 80). */
  warnPercent?: number;
}

export interface TenantBudget {
  tenantId: string;
  currency: string;
  monthlyBudget: number | null;
  warnPercent: number;
  /** "2025-03" when this month's warning was already given. */
  warnedMonth: string | null;
}

/** Decimal(14, 2). */
const MAX_BUDGET = 999_999_999_999.99;

/**
 * Sets (or clears) a tenant's monthly budget and warning share. A changed
 * budget may warn again this month: the month's warning is re-armed.
 */
export async function setTenantBudget(db: DbOrTx, input: SetTenantBudgetInput): Promise<TenantBudget> {
  const budget = input.monthlyBudget;
  if (budget !== null && (typeof budget !== "number" || !Number.isFinite(budget) || budget <= 0)) {
    throw new UserError("The monthly budget must be an amount above 0 (or none).");
  }
  if (budget !== null && budget > MAX_BUDGET) throw new UserError("The monthly budget is too large.");
  const warnPercent = input.warnPercent ?? 80;
  if (!Number.isInteger(warnPercent) || warnPercent < 1 || warnPercent > 100) {
    throw new UserError("The warning threshold must be a whole percentage from 1 to 100.");
  }
  const existing = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true } });
  if (!existing) throw new UserError("That tenant does not exist.");
  const tenant = await db.tenant.update({
    where: { id: input.tenantId },
    data: {
      monthlyBudget: budget === null ? null : Math.round(budget * 100) / 100,
      budgetWarnPercent: warnPercent,
      budgetWarnedMonth: null,
    },
    select: { id: true, currency: true, monthlyBudget: true, budgetWarnPercent: true, budgetWarnedMonth: true },
  });
  return {
    tenantId: tenant.id,
    currency: tenant.currency,
    monthlyBudget: tenant.monthlyBudget === null ? null : Number(tenant.monthlyBudget),
    warnPercent: tenant.budgetWarnPercent,
    warnedMonth: tenant.budgetWarnedMonth,
  };
}
