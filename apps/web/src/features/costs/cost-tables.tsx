"use client";

import { DataTable } from "@/components/data-table";
import type { RouterOutputs } from "@/lib/trpc";
import { percent } from "./cost-format";
import { CsvButton } from "./csv-button";

type Money = { format(v: number): string };

const cell = "px-4 py-2";
const num = "px-4 py-2 text-right tabular-nums";

/** The most expensive tasks of the selection. */
export function TopTasksTable({ rows, money, currency }: { rows: RouterOutputs["costs"]["topTasks"]; money: Money; currency: string }) {
  return (
    <section className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">Top tasks by cost</h2>
        <CsvButton
          fileName="top-tasks.csv"
          header={["dag_id", "task_id", "tries", `cost_${currency}`, "share", "duration_seconds"]}
          rows={rows.map((r) => [r.dagId, r.taskId, r.tries, r.cost, r.share, Math.round(r.durationSeconds)])}
        />
      </div>
      <DataTable columns={["DAG", "Task", "Tries", "Cost", "Share"]} testId="top-tasks-table">
        {rows.length === 0 ? (
          <tr>
            <td colSpan={5} className={`${cell} text-slate-500`}>
              No costs in this range.
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={`${r.dagDbId}/${r.taskId}`}>
              <td className={cell}>{r.dagId}</td>
              <td className={`${cell} font-mono`}>{r.taskId}</td>
              <td className={num}>{r.tries}</td>
              <td className={num}>{money.format(r.cost)}</td>
              <td className={num}>{percent(r.share)}</td>
            </tr>
          ))
        )}
      </DataTable>
    </section>
  );
}

function cores(v: number) {
  return v.toFixed(2);
}

function mib(bytes: number) {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

/** Used/requested per task (DAG totals first), with the over-request hint. */
export function EfficiencyTable({ report, money, currency }: { report: RouterOutputs["costs"]["efficiency"]; money: Money; currency: string }) {
  const rows = [...report.dags, ...report.tasks];
  return (
    <section className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">Efficiency (used / requested)</h2>
        <CsvButton
          fileName="efficiency.csv"
          header={["dag_id", "task_id", "tries", `cost_${currency}`, "requested_cores", "used_cores", "cpu_efficiency", "requested_memory_bytes", "used_memory_bytes", "memory_efficiency", "hint"]}
          rows={rows.map((r) => [
            r.dagId,
            r.taskId ?? "",
            r.tries,
            r.cost,
            r.requestedCores,
            r.usedCores,
            r.cpuEfficiency,
            Math.round(r.requestedMemoryBytes),
            Math.round(r.usedMemoryBytes),
            r.memoryEfficiency,
            r.hint ?? "",
          ])}
        />
      </div>
      <DataTable columns={["DAG", "Task", "Cost", "CPU used / requested", "CPU", "Memory used / requested", "Memory", "Hint"]} testId="efficiency-table">
        {rows.length === 0 ? (
          <tr>
            <td colSpan={8} className={`${cell} text-slate-500`}>
              No usage in this range.
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={`${r.dagDbId}/${r.taskId ?? ""}`} className={r.taskId === null ? "bg-slate-50 font-medium" : undefined}>
              <td className={cell}>{r.dagId}</td>
              <td className={`${cell} font-mono`}>{r.taskId ?? "all tasks"}</td>
              <td className={num}>{money.format(r.cost)}</td>
              <td className={num}>
                {cores(r.usedCores)} / {cores(r.requestedCores)}
              </td>
              <td className={num}>{percent(r.cpuEfficiency)}</td>
              <td className={num}>
                {mib(r.usedMemoryBytes)} / {mib(r.requestedMemoryBytes)}
              </td>
              <td className={num}>{percent(r.memoryEfficiency)}</td>
              <td className={`${cell} text-amber-800`}>{r.hint}</td>
            </tr>
          ))
        )}
      </DataTable>
    </section>
  );
}
