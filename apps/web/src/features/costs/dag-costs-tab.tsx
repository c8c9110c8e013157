"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ErrorAlert } from "@/components/error-alert";
import { trpc } from "@/lib/trpc";
import { moneyFormatter } from "./cost-format";
import { DagRunCostsPanel } from "./cost-panels";
import { estimateText, runCostBars } from "./estimate-text";

/** The DAG page's Costs tab: the estimate of one run, a bar chart of the last runs' costs and their table. */
export function DagCostsTab({ tenantSlug, dagId }: { tenantSlug: string; dagId: string }) {
  const options = trpc.costs.options.useQuery({ tenantSlug });
  const estimate = trpc.costs.estimate.useQuery({ tenantSlug, dagId });
  const runs = trpc.costs.dagRuns.useQuery({ tenantSlug, dagId, limit: 25 });
  const money = moneyFormatter(estimate.data?.currency ?? options.data?.currency ?? "USD");
  const bars = runCostBars(runs.data ?? []);
  return (
    <div className="space-y-6">
      <section aria-labelledby="dag-estimate-heading" className="space-y-1 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="dag-estimate-heading" className="text-lg font-semibold">
          Estimated cost of a run
        </h2>
        <ErrorAlert error={estimate.error} />
        <p data-testid="dag-cost-estimate" className="text-sm text-slate-700">
          {estimate.data ? estimateText(estimate.data, money) : estimate.isPending ? "Estimating…" : null}
        </p>
      </section>
      <section aria-labelledby="dag-run-cost-chart-heading" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="dag-run-cost-chart-heading" className="text-lg font-semibold">
          Cost of the last runs
        </h2>
        {bars.length === 0 ? (
          <p className="text-sm text-slate-500">{runs.isPending ? "Loading…" : "No runs yet."}</p>
        ) : (
          <div className="h-48" data-testid="dag-run-cost-chart" role="img" aria-label={`Cost of the last ${bars.length} runs`}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="runId" tick={false} />
                <YAxis fontSize={12} tickFormatter={(v: number) => money.format(v)} width={80} />
                <Tooltip formatter={(value) => money.format(Number(value))} />
                <Bar dataKey="cost" name="Cost" fill="#0284c7" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </section>
      <DagRunCostsPanel tenantSlug={tenantSlug} dagId={dagId} />
    </div>
  );
}
