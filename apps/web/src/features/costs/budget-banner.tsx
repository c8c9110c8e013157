"use client";

import { trpc } from "@/lib/trpc";
import { moneyFormatter } from "./cost-format";

/** For Admins: a banner once the month-to-date cost reached the budget's warning share. */
export function BudgetBanner({ tenantSlug, isAdmin }: { tenantSlug: string; isAdmin: boolean }) {
  const budget = trpc.costs.budget.useQuery({ tenantSlug }, { enabled: isAdmin, staleTime: 60_000 });
  const status = budget.data;
  if (!isAdmin || !status || !status.warning || status.monthlyBudget === null) return null;
  const money = moneyFormatter(status.currency);
  return (
    <div role="status" data-testid="budget-banner" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      {status.overBudget ? "Over budget: " : "Budget warning: "}
      this month&apos;s cost is {money.format(status.monthToDateCost)}, {Math.round((status.usedShare ?? 0) * 100)}% of the monthly budget of{" "}
      {money.format(status.monthlyBudget)} (warning at {status.warnPercent}%).
    </div>
  );
}
