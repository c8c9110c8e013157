import type { DbOrTx } from "@updraft/db";
import type { TenantQuota } from "@updraft/domain/tenant-quota";
import { quotaLimitsOf, tenantQuotaOf } from "@updraft/engine";
import { assertFilters, isoDay, roundMoney, type IsoDay } from "./report-filters";

export interface PlatformTenantCost {
  id: string;
  slug: string;
  name: string;
  currency: string;
  quota: TenantQuota;
  /** Cost of the days from..to. */
  cost: number;
  tries: number;
  monthToDateCost: number;
  monthlyBudget: number | null;
  budgetWarnPercent: number;
  /** Month-to-date cost / budget (null without a budget). */
  budgetShare: number | null;
  /** Core-hours requested in the range against what the cpu quota allows over it (0..1, null without a cpu quota). */
  cpuQuotaShare: number | null;
}

/** Every tenant's cost in the range and this month, against its quota and budget (platform admins), by slug. */
export async function platformTenantCosts(db: DbOrTx, input: { from: IsoDay; to: IsoDay; now?: Date }): Promise<PlatformTenantCost[]> {
  assertFilters({ tenantId: "", from: input.from, to: input.to });
  const today = isoDay(input.now ?? new Date());
  const monthStart = `${today.slice(0, 7)}-01`;
  const [tenants, range, month] = await Promise.all([
    db.tenant.findMany({ orderBy: { slug: "asc" } }),
    db.$queryRaw<{ tenantId: string; cost: number; tries: number; requestCpu: number }[]>`
      SELECT tenant_id::text AS "tenantId", sum(cost)::float8 AS cost, sum(tries)::int AS tries,
             sum(request_cpu_seconds)::float8 AS "requestCpu"
        FROM cost_rollups WHERE day >= ${input.from}::date AND day <= ${input.to}::date
       GROUP BY tenant_id`,
    db.$queryRaw<{ tenantId: string; cost: number }[]>`
      SELECT tenant_id::text AS "tenantId", sum(cost)::float8 AS cost
        FROM cost_rollups WHERE day >= ${monthStart}::date AND day <= ${today}::date
       GROUP BY tenant_id`,
  ]);
  const rangeSeconds = (Date.parse(`${input.to}T00:00:00Z`) - Date.parse(`${input.from}T00:00:00Z`)) / 1000 + 86_400;
  return tenants.map((t) => {
    const quota = tenantQuotaOf(t);
    const inRange = range.find((r) => r.tenantId === t.id);
    const mtd = roundMoney(month.find((m) => m.tenantId === t.id)?.cost ?? 0);
    const budget = t.monthlyBudget === null ? null : Number(t.monthlyBudget.toString());
    const cpuCapacitySeconds = (quotaLimitsOf(quota).cpuMillis / 1000) * Math.max(0, rangeSeconds);
    return {
      id: t.id,
      slug: t.slug,
      name: t.name,
      currency: t.currency,
      quota,
      cost: roundMoney(inRange?.cost ?? 0),
      tries: inRange?.tries ?? 0,
      monthToDateCost: mtd,
      monthlyBudget: budget,
      budgetWarnPercent: t.budgetWarnPercent,
      budgetShare: budget && budget > 0 ? mtd / budget : null,
      cpuQuotaShare: cpuCapacitySeconds > 0 ? (inRange?.requestCpu ?? 0) / cpuCapacitySeconds : null,
    };
  });
}
