import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { triggerDagRun } from "@updraft/engine";
import { ensureJobQueue, newTenant, uploadDag } from "@updraft/engine/testing";
import { budgetStatus } from "./budget-status";
import { costOverTime } from "./cost-over-time";
import { dagRunCosts } from "./dag-run-costs";
import { efficiencyReport, overRequestHint } from "./efficiency-report";
import { platformTenantCosts } from "./platform-tenant-costs";
import { periodStart, type CostReportFilters } from "./report-filters";
import { costReportOptions } from "./report-options";
import { taskTryCosts } from "./task-try-costs";
import { topTasksByCost } from "./top-tasks-by-cost";
import { usageOverTime } from "./usage-over-time";

const t = useTestDatabase();
const GIB = 1024 ** 3;

let tenantId: string;
let otherTenantId: string;
let etlId: string;
let mlId: string;

const dagYaml = (dagId: string, tags: string[]) =>
  `dag_id: ${dagId}\nschedule: null\ntags: [${tags.join(", ")}]\ntasks:\n  - task_id: extract\n    command: ["true"]\n  - task_id: load\n    depends_on: [extract]\n    command: ["true"]\n`;

interface Seed {
  dagDbId: () => string;
  taskId: string;
  day: string;
  cost: number;
  tries?: number;
  /** Seconds run, cores used/requested, GiB used/requested. */
  seconds?: number;
  cores?: [number, number];
  gib?: [number, number];
}

// Costs with 6 decimals, as stored; 2025-03-03 is a Monday.
const SEEDS: Seed[] = [
  { dagDbId: () => etlId, taskId: "extract", day: "2025-03-03", cost: 1.234567, cores: [0.1, 1], gib: [0.2, 0.25] },
  { dagDbId: () => etlId, taskId: "load", day: "2025-03-03", cost: 0.5, cores: [0.9, 1], gib: [0.25, 0.25] },
  { dagDbId: () => etlId, taskId: "extract", day: "2025-03-09", cost: 2.000001, cores: [0.1, 1], gib: [0.2, 0.25] },
  { dagDbId: () => mlId, taskId: "extract", day: "2025-03-10", cost: 10.333333, tries: 3, cores: [1.8, 2], gib: [3, 4] },
  { dagDbId: () => mlId, taskId: "load", day: "2025-04-01", cost: 4.25, cores: [0.5, 1], gib: [0.1, 1] },
];

function filters(extra: Partial<CostReportFilters> = {}): CostReportFilters {
  return { tenantId, from: "2025-03-01", to: "2025-04-30", ...extra };
}

beforeAll(async () => {
  await ensureJobQueue(t.url);
  tenantId = await newTenant(t.db, "reports");
  otherTenantId = await newTenant(t.db, "reports-other");
  etlId = await uploadDag(t.db, tenantId, dagYaml("etl", ["nightly"]));
  mlId = await uploadDag(t.db, tenantId, dagYaml("ml", ["gpu", "nightly-ml"]));
  const otherDag = await uploadDag(t.db, otherTenantId, dagYaml("etl", ["nightly"]));
  for (const s of SEEDS) {
    const seconds = s.seconds ?? 3600;
    const [usedCores, reqCores] = s.cores ?? [1, 1];
    const [usedGib, reqGib] = s.gib ?? [1, 1];
    await t.db.costRollup.create({
      data: {
        tenantId,
        dagDbId: s.dagDbId(),
        taskId: s.taskId,
        day: new Date(`${s.day}T00:00:00Z`),
        tries: s.tries ?? 1,
        cost: s.cost,
        durationSeconds: seconds,
        cpuSeconds: usedCores * seconds,
        requestCpuSeconds: reqCores * seconds,
        memoryByteSeconds: usedGib * GIB * seconds,
        requestMemoryByteSeconds: reqGib * GIB * seconds,
        gpuSeconds: 0,
      },
    });
  }
  // Another tenant's costs must never show up.
  await t.db.costRollup.create({
    data: {
      tenantId: otherTenantId,
      dagDbId: otherDag,
      taskId: "extract",
      day: new Date("2025-03-03T00:00:00Z"),
      tries: 1,
      cost: 999,
      durationSeconds: 60,
      cpuSeconds: 1,
      requestCpuSeconds: 1,
      memoryByteSeconds: 1,
      requestMemoryByteSeconds: 1,
      gpuSeconds: 0,
    },
  });
});

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;

describe("costOverTime", () => {
  it("totals the seeded costs per day and DAG, for this tenant only", async () => {
    const report = await costOverTime(t.db, { filters: filters(), granularity: "day" });
    expect(report.total).toBe(sum(SEEDS.map((s) => s.cost)));
    expect(sum(report.rows.map((r) => r.cost))).toBe(report.total);
    expect(report.tries).toBe(7);
    expect(report.rows.filter((r) => r.period === "2025-03-03")).toEqual([
      { period: "2025-03-03", dagDbId: etlId, dagId: "etl", cost: 1.734567, tries: 2 },
    ]);
    expect(report.dags.map((d) => d.dagId)).toEqual(["ml", "etl"]);
  });

  it("groups by ISO week and by month", async () => {
    const weeks = await costOverTime(t.db, { filters: filters({ dagDbIds: [etlId] }), granularity: "week" });
    // 2025-03-09 is a Sunday: same week as Monday 2025-03-03.
    expect(weeks.rows).toEqual([{ period: "2025-03-03", dagDbId: etlId, dagId: "etl", cost: 3.734568, tries: 3 }]);
    const months = await costOverTime(t.db, { filters: filters(), granularity: "month" });
    expect(months.rows.map((r) => [r.period, r.dagId, r.cost])).toEqual([
      ["2025-03-01", "etl", 3.734568],
      ["2025-03-01", "ml", 10.333333],
      ["2025-04-01", "ml", 4.25],
    ]);
    expect(periodStart("2025-03-09", "week")).toBe("2025-03-03");
    expect(periodStart("2025-03-09", "month")).toBe("2025-03-01");
  });

  it("filters by date range, DAG and tag (exact tag, not a prefix)", async () => {
    expect((await costOverTime(t.db, { filters: filters({ from: "2025-03-04", to: "2025-03-10" }), granularity: "day" })).total).toBe(
      sum([2.000001, 10.333333]),
    );
    expect((await costOverTime(t.db, { filters: filters({ dagDbIds: [mlId] }), granularity: "day" })).total).toBe(14.583333);
    expect((await costOverTime(t.db, { filters: filters({ tag: "nightly" }), granularity: "day" })).total).toBe(3.734568);
    expect((await costOverTime(t.db, { filters: filters({ tag: "gpu" }), granularity: "day" })).total).toBe(14.583333);
    expect((await costOverTime(t.db, { filters: filters({ tag: "none" }), granularity: "day" })).rows).toEqual([]);
  });

  it("refuses malformed days", async () => {
    await expect(costOverTime(t.db, { filters: filters({ from: "2025-3-1" }), granularity: "day" })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe("topTasksByCost", () => {
  it("lists tasks by cost with their share of the total", async () => {
    const top = await topTasksByCost(t.db, { filters: filters() });
    expect(top.map((r) => [r.dagId, r.taskId, r.cost, r.tries])).toEqual([
      ["ml", "extract", 10.333333, 3],
      ["ml", "load", 4.25, 1],
      ["etl", "extract", 3.234568, 2],
      ["etl", "load", 0.5, 1],
    ]);
    expect(sum(top.map((r) => r.share))).toBeCloseTo(1, 9);
    expect(await topTasksByCost(t.db, { filters: filters(), limit: 1 })).toHaveLength(1);
  });
});

describe("usageOverTime", () => {
  it("sums requested and used core-hours and GiB-hours per period", async () => {
    const rows = await usageOverTime(t.db, { filters: filters({ dagDbIds: [etlId] }), granularity: "month" });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.period).toBe("2025-03-01");
    expect(rows[0]!.requestedCpuHours).toBeCloseTo(3, 9);
    expect(rows[0]!.usedCpuHours).toBeCloseTo(1.1, 9);
    expect(rows[0]!.requestedMemoryGibHours).toBeCloseTo(0.75, 9);
    expect(rows[0]!.usedMemoryGibHours).toBeCloseTo(0.65, 9);
  });
});

describe("efficiencyReport", () => {
  it("gives used/requested per DAG and task with a hint where the request is at least 4× the use", async () => {
    const report = await efficiencyReport(t.db, { filters: filters() });
    const task = (dagId: string, taskId: string) => report.tasks.find((r) => r.dagId === dagId && r.taskId === taskId)!;
    expect(task("etl", "extract").cpuEfficiency).toBeCloseTo(0.1, 9);
    expect(task("etl", "extract").hint).toMatch(/^Requests 10\.0× the CPU it uses/);
    expect(task("etl", "load").hint).toBeNull();
    expect(task("ml", "extract").hint).toBeNull();
    expect(task("ml", "extract").memoryEfficiency).toBeCloseTo(0.75, 9);
    // cpu 2× (no hint), memory 10× (hint).
    expect(task("ml", "load").hint).toMatch(/^Requests 10\.0× the memory it uses \(102 MiB of 1\.0 GiB\)/);
    const etl = report.dags.find((d) => d.dagId === "etl")!;
    expect(etl.taskId).toBeNull();
    expect(etl.cost).toBe(3.734568);
    expect(etl.cpuEfficiency).toBeCloseTo(1.1 / 3, 9);
    expect(etl.hint).toBeNull();
  });

  it("hints exactly from 4× on", () => {
    const base = { requestedMemoryBytes: 0, usedMemoryBytes: 0 };
    expect(overRequestHint({ ...base, requestedCores: 4, usedCores: 1 })).toMatch(/4\.0×/);
    expect(overRequestHint({ ...base, requestedCores: 3.99, usedCores: 1 })).toBeNull();
    expect(overRequestHint({ ...base, requestedCores: 1, usedCores: 0 })).toMatch(/far more than the CPU/);
  });
});

describe("per run and per try", () => {
  it("sums each run's tries and shows each try's usage", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId: etlId, triggeredById: null });
    const instances = await t.db.taskInstance.findMany({ where: { dagRunId: run.id }, orderBy: { taskId: "asc" } });
    const start = new Date("2025-03-03T10:00:00Z");
    const end = new Date("2025-03-03T10:10:00Z");
    const base = { state: "SUCCESS" as const, queuedAt: start, startedAt: start, endedAt: end, costCurrency: "USD" };
    await t.db.taskTry.createMany({
      data: [
        { ...base, taskInstanceId: instances[0]!.id, tryNumber: 1, state: "FAILED", cost: "0.100001", cpuSeconds: 300, memoryAvgBytes: 1000n, memoryPeakBytes: 2000n, requestCpuMillis: 1000, requestMemoryBytes: 4096n, requestGpus: 0, gpuSeconds: 0 },
        { ...base, taskInstanceId: instances[0]!.id, tryNumber: 2, cost: "0.2", cpuSeconds: 60 },
        { ...base, taskInstanceId: instances[1]!.id, tryNumber: 1, cost: "0.3" },
        { ...base, taskInstanceId: instances[1]!.id, tryNumber: 2, state: "RUNNING", endedAt: null },
      ],
    });
    const runs = await dagRunCosts(t.db, { tenantId, dagDbId: etlId });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ runId: run.runId, cost: 0.600001, tries: 4, costedTries: 3, cpuSeconds: 360 });
    expect(await dagRunCosts(t.db, { tenantId: otherTenantId, dagDbId: etlId })).toEqual([]);

    const tries = await taskTryCosts(t.db, { tenantId, taskInstanceId: instances[0]!.id });
    expect(tries).toMatchObject([
      { tryNumber: 1, state: "FAILED", durationSeconds: 600, usedCores: 0.5, cost: 0.100001, memoryPeakBytes: 2000, requestMemoryBytes: 4096 },
      { tryNumber: 2, cost: 0.2, usedCores: 0.1, memoryAvgBytes: null },
    ]);
    expect(await taskTryCosts(t.db, { tenantId: otherTenantId, taskInstanceId: instances[0]!.id })).toBeNull();
  });
});

describe("budgets and the platform view", () => {
  it("compares the month-to-date cost with the budget's warning share", async () => {
    const now = new Date("2025-03-20T12:00:00Z");
    expect(await budgetStatus(t.db, { tenantId, now })).toMatchObject({ monthToDateCost: 14.067901, monthlyBudget: null, warning: false });
    await t.db.tenant.update({ where: { id: tenantId }, data: { monthlyBudget: 17, budgetWarnPercent: 80 } });
    expect(await budgetStatus(t.db, { tenantId, now })).toMatchObject({ month: "2025-03", warning: true, overBudget: false, currency: "USD" });
    await t.db.tenant.update({ where: { id: tenantId }, data: { monthlyBudget: 18 } });
    expect((await budgetStatus(t.db, { tenantId, now })).warning).toBe(false);
    await t.db.tenant.update({ where: { id: tenantId }, data: { monthlyBudget: 10 } });
    expect(await budgetStatus(t.db, { tenantId, now })).toMatchObject({ warning: true, overBudget: true });
  });

  it("lists each tenant's cost against quota and budget", async () => {
    const rows = await platformTenantCosts(t.db, { from: "2025-03-01", to: "2025-03-31", now: new Date("2025-03-20T00:00:00Z") });
    const mine = rows.find((r) => r.id === tenantId)!;
    expect(mine.cost).toBe(14.067901);
    expect(mine.monthToDateCost).toBe(14.067901);
    expect(rows.find((r) => r.id === otherTenantId)!.cost).toBe(999);
    // 3 core-hours requested by etl and 2 by ml's extract, against 32 cores (the default quota) × 31 days.
    expect(mine.cpuQuotaShare).toBeCloseTo((3 * 3600 + 2 * 3600) / (32 * 31 * 86_400), 12);
  });

  it("offers the tenant's DAGs, tags and currency as filters", async () => {
    expect(await costReportOptions(t.db, { tenantId })).toEqual({
      currency: "USD",
      dags: [
        { dagDbId: etlId, dagId: "etl", tags: ["nightly"] },
        { dagDbId: mlId, dagId: "ml", tags: ["gpu", "nightly-ml"] },
      ],
      tags: ["gpu", "nightly", "nightly-ml"],
    });
  });
});
