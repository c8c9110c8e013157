"use client";

import { DataTable } from "@/components/data-table";
import { ErrorAlert } from "@/components/error-alert";
import { trpc } from "@/lib/trpc";
import { defaultRange, moneyFormatter, percent } from "./cost-format";
import { CsvButton } from "./csv-button";

const cell = "px-4 py-2";
const num = "px-4 py-2 text-right tabular-nums";

/** For a DAG page: the cost of each of its last runs. */
export function DagRunCostsPanel({ tenantSlug, dagId }: { tenantSlug: string; dagId: string }) {
  const options = trpc.costs.options.useQuery({ tenantSlug });
  const runs = trpc.costs.dagRuns.useQuery({ tenantSlug, dagId, limit: 25 });
  const currency = options.data?.currency ?? "USD";
  const money = moneyFormatter(currency);
  const rows = runs.data ?? [];
  return (
    <section className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">Cost per run</h2>
        <CsvButton
          fileName={`${dagId}-run-costs.csv`}
          header={["run_id", "state", "logical_date", "tries", "costed_tries", `cost_${currency}`, "cpu_seconds", "gpu_seconds"]}
          rows={rows.map((r) => [r.runId, r.state, r.logicalDate.toISOString(), r.tries, r.costedTries, r.cost, r.cpuSeconds, r.gpuSeconds])}
        />
      </div>
      <ErrorAlert error={runs.error} />
      <DataTable columns={["Run", "State", "Tries", "Cost"]} testId="dag-run-costs">
        {rows.map((r) => (
          <tr key={r.id}>
            <td className={`${cell} font-mono`}>{r.runId}</td>
            <td className={cell}>{r.state}</td>
            <td className={num}>{r.tries}</td>
            <td className={num}>{r.costedTries < r.tries ? `${money.format(r.cost)} so far` : money.format(r.cost)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** For a task instance page: cost and usage per try. */
export function TaskTryCostsPanel({ tenantSlug, taskInstanceId }: { tenantSlug: string; taskInstanceId: string }) {
  const tries = trpc.costs.taskTries.useQuery({ tenantSlug, taskInstanceId });
  const rows = tries.data ?? [];
  const mib = (b: number | null) => (b === null ? "—" : `${Math.round(b / 1024 ** 2)} MiB`);
  return (
    <section className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">Cost and usage per try</h2>
        <CsvButton
          fileName="try-costs.csv"
          header={["try", "state", "duration_seconds", "request_cpu_millis", "used_cores", "request_memory_bytes", "memory_avg_bytes", "memory_peak_bytes", "gpu_seconds", "cost", "currency"]}
          rows={rows.map((r) => [r.tryNumber, r.state, r.durationSeconds, r.requestCpuMillis, r.usedCores, r.requestMemoryBytes, r.memoryAvgBytes, r.memoryPeakBytes, r.gpuSeconds, r.cost, r.currency])}
        />
      </div>
      <ErrorAlert error={tries.error} />
      <DataTable columns={["Try", "State", "CPU used / requested", "Memory avg / peak / requested", "GPU-seconds", "Cost"]} testId="try-costs">
        {rows.map((r) => (
          <tr key={r.tryNumber}>
            <td className={num}>{r.tryNumber}</td>
            <td className={cell}>{r.state}</td>
            <td className={num}>
              {r.usedCores === null ? "—" : r.usedCores.toFixed(2)} / {r.requestCpuMillis === null ? "—" : (r.requestCpuMillis / 1000).toFixed(2)}
            </td>
            <td className={num}>
              {mib(r.memoryAvgBytes)} / {mib(r.memoryPeakBytes)} / {mib(r.requestMemoryBytes)}
            </td>
            <td className={num}>{r.gpuSeconds ?? "—"}</td>
            <td className={num}>{r.cost === null ? "—" : moneyFormatter(r.currency ?? "USD").format(r.cost)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** For the platform admin page: each tenant's cost against its quota and budget (last 30 days). */
export function PlatformCostsPanel() {
  const range = defaultRange();
  const tenants = trpc.costs.platform.tenants.useQuery(range);
  const rows = tenants.data ?? [];
  return (
    <section className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">Cost per tenant (last 30 days)</h2>
        <CsvButton
          fileName="tenant-costs.csv"
          header={["tenant", "currency", "cost", "month_to_date", "monthly_budget", "budget_share", "cpu_quota_share"]}
          rows={rows.map((r) => [r.slug, r.currency, r.cost, r.monthToDateCost, r.monthlyBudget, r.budgetShare, r.cpuQuotaShare])}
        />
      </div>
      <ErrorAlert error={tenants.error} />
      <DataTable columns={["Tenant", "Cost", "This month", "Budget", "Of budget", "Of CPU quota"]} testId="platform-costs">
        {rows.map((r) => {
          const money = moneyFormatter(r.currency);
          return (
            <tr key={r.id}>
              <td className={cell}>{r.slug}</td>
              <td className={num}>{money.format(r.cost)}</td>
              <td className={num}>{money.format(r.monthToDateCost)}</td>
              <td className={num}>{r.monthlyBudget === null ? "—" : money.format(r.monthlyBudget)}</td>
              <td className={num}>{percent(r.budgetShare)}</td>
              <td className={num}>{percent(r.cpuQuotaShare)}</td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
