import type { DbOrTx } from "@updraft/db";
import { rollupConditions, type CostGranularity, type CostReportFilters, type IsoDay } from "./report-filters";

const GIB = 1024 ** 3;

export interface UsageOverTimeRow {
  period: IsoDay;
  /** Core-hours requested and used (cpu-seconds / 3600). */
  requestedCpuHours: number;
  usedCpuHours: number;
  /** GiB-hours requested and used (average memory × run time). */
  requestedMemoryGibHours: number;
  usedMemoryGibHours: number;
}

/** Requested against used cpu and memory per period, from the daily rollups. */
export async function usageOverTime(
  db: DbOrTx,
  input: { filters: CostReportFilters; granularity: CostGranularity },
): Promise<UsageOverTimeRow[]> {
  const rows = await db.$queryRaw<{ period: Date; cpu: number; requestCpu: number; memory: number; requestMemory: number }[]>`
    SELECT date_trunc(${input.granularity}, r.day::timestamp)::date AS period,
           sum(r.cpu_seconds)::float8 AS cpu, sum(r.request_cpu_seconds)::float8 AS "requestCpu",
           sum(r.memory_byte_seconds)::float8 AS memory, sum(r.request_memory_byte_seconds)::float8 AS "requestMemory"
      FROM cost_rollups r
     WHERE ${rollupConditions(input.filters)}
     GROUP BY 1
     ORDER BY 1`;
  return rows.map((row) => ({
    period: row.period.toISOString().slice(0, 10),
    requestedCpuHours: row.requestCpu / 3600,
    usedCpuHours: row.cpu / 3600,
    requestedMemoryGibHours: row.requestMemory / GIB / 3600,
    usedMemoryGibHours: row.memory / GIB / 3600,
  }));
}
