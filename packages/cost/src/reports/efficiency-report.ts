import type { DbOrTx } from "@updraft/db";
import { rollupConditions, roundMoney, type CostReportFilters } from "./report-filters";

/** A task (or DAG) requesting at least this many times what it uses gets a hint. */
export const OVER_REQUEST_FACTOR = 4;

export interface EfficiencyRow {
  dagDbId: string;
  dagId: string;
  /** null on the per-DAG rows. */
  taskId: string | null;
  tries: number;
  cost: number;
  /** Average cores / bytes while running, requested and used. */
  requestedCores: number;
  usedCores: number;
  requestedMemoryBytes: number;
  usedMemoryBytes: number;
  /** used / requested (null when nothing was requested). */
  cpuEfficiency: number | null;
  memoryEfficiency: number | null;
  /** Set when it requests ≥ 4× what it uses of cpu or memory. */
  hint: string | null;
}

export interface EfficiencyReport {
  dags: EfficiencyRow[];
  tasks: EfficiencyRow[];
}

interface Sums {
  dagDbId: string;
  dagId: string;
  taskId: string | null;
  tries: number;
  cost: number;
  duration: number;
  cpu: number;
  requestCpu: number;
  memory: number;
  requestMemory: number;
}

/** Used/requested cpu and memory per DAG and per task, with a hint where a request is far above use. */
export async function efficiencyReport(db: DbOrTx, input: { filters: CostReportFilters }): Promise<EfficiencyReport> {
  const rows = await db.$queryRaw<Sums[]>`
    SELECT s.dag_db_id::text AS "dagDbId", d.dag_id AS "dagId", s.task_id AS "taskId",
           s.tries::int AS tries, s.cost::float8 AS cost, s.duration::float8 AS duration, s.cpu::float8 AS cpu,
           s.request_cpu::float8 AS "requestCpu", s.memory::float8 AS memory, s.request_memory::float8 AS "requestMemory"
      FROM (
        -- Grouped on the raw columns first, then joined to the DAGs' names (see costOverTime).
        SELECT r.dag_db_id, r.task_id, sum(r.tries) AS tries, sum(r.cost) AS cost, sum(r.duration_seconds) AS duration,
               sum(r.cpu_seconds) AS cpu, sum(r.request_cpu_seconds) AS request_cpu,
               sum(r.memory_byte_seconds) AS memory, sum(r.request_memory_byte_seconds) AS request_memory
          FROM cost_rollups r
         WHERE ${rollupConditions(input.filters)}
         GROUP BY 1, 2
      ) s JOIN dags d ON d.id = s.dag_db_id
     ORDER BY 2, 3`;
  const dags = new Map<string, Sums>();
  for (const row of rows) {
    const dag = dags.get(row.dagDbId) ?? { ...row, taskId: null, tries: 0, cost: 0, duration: 0, cpu: 0, requestCpu: 0, memory: 0, requestMemory: 0 };
    for (const key of ["tries", "cost", "duration", "cpu", "requestCpu", "memory", "requestMemory"] as const) dag[key] += row[key];
    dags.set(row.dagDbId, dag);
  }
  return { dags: [...dags.values()].map(efficiencyOf), tasks: rows.map(efficiencyOf) };
}

export function efficiencyOf(sums: Sums): EfficiencyRow {
  const per = (value: number) => (sums.duration > 0 ? value / sums.duration : 0);
  const cpuEfficiency = sums.requestCpu > 0 ? sums.cpu / sums.requestCpu : null;
  const memoryEfficiency = sums.requestMemory > 0 ? sums.memory / sums.requestMemory : null;
  const row: EfficiencyRow = {
    dagDbId: sums.dagDbId,
    dagId: sums.dagId,
    taskId: sums.taskId,
    tries: sums.tries,
    cost: roundMoney(sums.cost),
    requestedCores: per(sums.requestCpu),
    usedCores: per(sums.cpu),
    requestedMemoryBytes: per(sums.requestMemory),
    usedMemoryBytes: per(sums.memory),
    cpuEfficiency,
    memoryEfficiency,
    hint: null,
  };
  row.hint = overRequestHint(row);
  return row;
}

/** "Requests 8× the CPU it uses …" when requested ≥ 4× used, else null. */
export function overRequestHint(row: Pick<EfficiencyRow, "requestedCores" | "usedCores" | "requestedMemoryBytes" | "usedMemoryBytes">): string | null {
  const parts: string[] = [];
  if (row.requestedCores > 0 && row.requestedCores >= OVER_REQUEST_FACTOR * row.usedCores) {
    parts.push(
      `requests ${ratio(row.requestedCores, row.usedCores)} the CPU it uses (${row.usedCores.toFixed(2)} of ${row.requestedCores.toFixed(2)} cores)`,
    );
  }
  if (row.requestedMemoryBytes > 0 && row.requestedMemoryBytes >= OVER_REQUEST_FACTOR * row.usedMemoryBytes) {
    parts.push(
      `requests ${ratio(row.requestedMemoryBytes, row.usedMemoryBytes)} the memory it uses (${mib(row.usedMemoryBytes)} of ${mib(row.requestedMemoryBytes)})`,
    );
  }
  if (parts.length === 0) return null;
  const text = parts.join(" and ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}: lower its requests to pay less.`;
}

function ratio(requested: number, used: number): string {
  return used > 0 ? `${(requested / used).toFixed(1)}×` : "far more than";
}

function mib(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}
