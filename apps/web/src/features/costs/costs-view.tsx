"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { PageHeader } from "@/components/page-header";
import { roleAtLeast } from "@/lib/roles";
import { trpc } from "@/lib/trpc";
import { useTenantAccess } from "../tenants/use-tenant-role";
import { BudgetBanner } from "./budget-banner";
import { BudgetForm } from "./budget-form";
import { CostFilters, type CostFilterValues } from "./cost-filters";
import { defaultRange, moneyFormatter } from "./cost-format";
import { CostOverTimeChart } from "./cost-over-time-chart";
import { EfficiencyTable, TopTasksTable } from "./cost-tables";
import { UsageChart } from "./usage-chart";

type Granularity = "day" | "week" | "month";

/** The tenant's cost dashboard: cost over time by DAG, top tasks, requested vs used, efficiency. */
export function CostsView({ tenantSlug }: { tenantSlug: string }) {
  const access = useTenantAccess(tenantSlug);
  const isAdmin = access.status === "member" && roleAtLeast(access.role, "ADMIN");
  const [applied, setApplied] = useState<CostFilterValues>(() => ({ ...defaultRange(), dagIds: [], tag: "" }));
  const [granularity, setGranularity] = useState<Granularity>("day");
  const options = trpc.costs.options.useQuery({ tenantSlug });
  const filters = { from: applied.from, to: applied.to, dagIds: applied.dagIds.length ? applied.dagIds : undefined, tag: applied.tag || undefined };
  const overTime = trpc.costs.overTime.useQuery({ tenantSlug, filters, granularity });
  const usage = trpc.costs.usage.useQuery({ tenantSlug, filters, granularity });
  const topTasks = trpc.costs.topTasks.useQuery({ tenantSlug, filters, limit: 20 });
  const efficiency = trpc.costs.efficiency.useQuery({ tenantSlug, filters });
  const currency = options.data?.currency ?? "USD";
  const money = moneyFormatter(currency);

  return (
    <div className="space-y-6">
      <PageHeader title="Costs">
        What this tenant&apos;s tasks cost (the larger of what they requested and what they used, times the prices per vCPU-, GiB- and
        GPU-hour) and how well their requests fit their use. Days are UTC.
      </PageHeader>
      <BudgetBanner tenantSlug={tenantSlug} isAdmin={isAdmin} />
      <CostFilters
        applied={applied}
        dags={options.data?.dags.map((d) => d.dagId) ?? []}
        tags={options.data?.tags ?? []}
        onApply={setApplied}
      />
      <ErrorAlert error={options.error ?? overTime.error ?? topTasks.error ?? usage.error ?? efficiency.error} />

      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h2 className="text-lg font-semibold">Cost over time</h2>
            <p className="text-sm text-slate-600">
              Total: <span data-testid="cost-total" className="font-semibold">{overTime.data ? money.format(overTime.data.total) : "…"}</span>
              {overTime.data ? ` over ${overTime.data.tries} tries` : null}
            </p>
          </div>
          <div role="group" aria-label="Group by" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm">
            {(["day", "week", "month"] as const).map((g) => (
              <button
                key={g}
                type="button"
                aria-pressed={granularity === g}
                onClick={() => setGranularity(g)}
                className={granularity === g ? "bg-sky-600 px-3 py-1.5 text-white" : "bg-white px-3 py-1.5 hover:bg-slate-50"}
              >
                {g === "day" ? "Day" : g === "week" ? "Week" : "Month"}
              </button>
            ))}
          </div>
        </div>
        {overTime.data ? <CostOverTimeChart data={overTime.data} money={money} /> : <p className="text-sm text-slate-500">Loading…</p>}
      </section>

      {topTasks.data ? <TopTasksTable rows={topTasks.data} money={money} currency={currency} /> : null}

      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Requested vs used</h2>
        {usage.data ? <UsageChart rows={usage.data} /> : <p className="text-sm text-slate-500">Loading…</p>}
      </section>

      {efficiency.data ? <EfficiencyTable report={efficiency.data} money={money} currency={currency} /> : null}

      {isAdmin ? <BudgetForm tenantSlug={tenantSlug} /> : null}
    </div>
  );
}
