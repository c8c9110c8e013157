import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateRun, triggerDagRun, UserError } from "@updraft/engine";
import { ensureJobQueue, finish, launchTask, newTenant, uploadDag } from "@updraft/engine/testing";
import { DEFAULT_PRICES, GIB } from "./default-prices";
import { estimateRunCost } from "./estimate-run-cost";
import { finalizeTryUsage } from "./finalize-try-usage";
import { createPriceSheet, effectivePrices, listPriceSheets } from "./price-sheets";
import { setTenantBudget } from "./set-tenant-budget";

const t = useTestDatabase();

beforeAll(async () => {
  await ensureJobQueue(t.url);
});

const T0 = new Date("2025-03-10T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function dag(dagId: string, tasks: Record<string, string>) {
  const body = Object.entries(tasks)
    .map(([id, requests]) => `  - task_id: ${id}\n    command: ["true"]\n    resources:\n      requests: ${requests}\n`)
    .join("");
  return `dag_id: ${dagId}\nschedule: null\ntasks:\n${body}`;
}

/** Runs every task of a new run of the DAG once: started at start, ended at start + seconds. */
async function runOnce(tenantId: string, dagDbId: string, seconds: Record<string, number>, start: Date = T0) {
  const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
  await evaluateRun(t.db, run.id);
  const launches: Record<string, { taskInstanceId: string; tryNumber: number; tryId: string }> = {};
  for (const [taskId, duration] of Object.entries(seconds)) {
    const launch = await launchTask(t.db, run.id, taskId);
    await finish(t.db, launch, { exitCode: 0 }, new Date(start.getTime() + duration * 1000));
    const tr = await t.db.taskTry.update({
      where: { taskInstanceId_tryNumber: { taskInstanceId: launch.taskInstanceId, tryNumber: launch.tryNumber } },
      data: { startedAt: start, endedAt: new Date(start.getTime() + duration * 1000) },
    });
    launches[taskId] = { taskInstanceId: launch.taskInstanceId, tryNumber: launch.tryNumber, tryId: tr.id };
  }
  return launches;
}

async function platformSheet(effectiveFrom: Date, cpuHour: number, memoryGibHour = 0, gpuHour = 0, tenantId: string | null = null) {
  await t.db.priceSheet.create({ data: { tenantId, effectiveFrom, cpuHour, memoryGibHour, gpuHour, currency: "USD" } });
}

describe("finalizeTryUsage", () => {
  it("thins the samples, costs the try, adds it to the day's rollup once and deletes the samples", async () => {
    const tenantId = await newTenant(t.db, "finalize", { gpus: 1 });
    // tenant override: platform sheets are shared by every test file's tenant in this database
    await platformSheet(at(-3600), 1, 0.1, 10, tenantId);
    const dagDbId = await uploadDag(t.db, tenantId, dag("metered", { a: `{ cpu: "1", memory: "1Gi" }`, g: `{ cpu: "500m", memory: "1Gi", gpu: 1 }` }));
    const tries = await runOnce(tenantId, dagDbId, { a: 3600, g: 1800 });

    // a used 2 cores on average (above its request) and 512Mi (below it)
    await t.db.usageSample.createMany({
      data: [
        { taskTryId: tries.a!.tryId, sampledAt: at(0), cpuSecondsTotal: 10, memoryBytes: BigInt(256 * 2 ** 20) },
        { taskTryId: tries.a!.tryId, sampledAt: at(1800), cpuSecondsTotal: 3600, memoryBytes: BigInt(768 * 2 ** 20) },
        { taskTryId: tries.a!.tryId, sampledAt: at(3600), cpuSecondsTotal: 7200, memoryBytes: BigInt(768 * 2 ** 20) },
      ],
    });

    const a = await finalizeTryUsage(t.db, { taskInstanceId: tries.a!.taskInstanceId, tryNumber: tries.a!.tryNumber }, at(3600));
    expect(a.status).toBe("costed");
    const tryA = await t.db.taskTry.findUniqueOrThrow({ where: { id: tries.a!.tryId } });
    expect(tryA.cpuSeconds).toBe(7200);
    expect(Number(tryA.memoryAvgBytes)).toBe(512 * 2 ** 20);
    expect(Number(tryA.memoryPeakBytes)).toBe(768 * 2 ** 20);
    expect(tryA.requestCpuMillis).toBe(1000);
    expect(Number(tryA.requestMemoryBytes)).toBe(GIB);
    expect(Number(tryA.cost)).toBeCloseTo(1 * (2 * 1 + 1 * 0.1), 6);
    expect(tryA.costCurrency).toBe("USD");
    expect(tryA.gpuSeconds).toBe(0);
    expect(await t.db.usageSample.count({ where: { taskTryId: tries.a!.tryId } })).toBe(0);

    // no samples: charged its request, GPUs included
    const g = await finalizeTryUsage(t.db, { taskInstanceId: tries.g!.taskInstanceId, tryNumber: tries.g!.tryNumber }, at(3600));
    expect(g.status).toBe("costed");
    const tryG = await t.db.taskTry.findUniqueOrThrow({ where: { id: tries.g!.tryId } });
    expect(Number(tryG.cost)).toBeCloseTo(0.5 * (0.5 * 1 + 1 * 0.1 + 1 * 10), 6);
    expect(tryG.gpuSeconds).toBe(1800);

    // idempotent: finalizing again changes nothing
    expect((await finalizeTryUsage(t.db, { taskInstanceId: tries.a!.taskInstanceId, tryNumber: tries.a!.tryNumber })).status).toBe(
      "already_costed",
    );
    const rollups = await t.db.costRollup.findMany({ where: { tenantId }, orderBy: { taskId: "asc" } });
    expect(rollups.map((r) => [r.taskId, r.day.toISOString().slice(0, 10), r.tries])).toEqual([
      ["a", "2025-03-10", 1],
      ["g", "2025-03-10", 1],
    ]);
    expect(Number(rollups[0]!.cost)).toBeCloseTo(2.1, 6);
    expect(rollups[0]!.durationSeconds).toBe(3600);
    expect(rollups[0]!.cpuSeconds).toBe(7200);
    expect(rollups[0]!.requestCpuSeconds).toBe(3600);
    expect(rollups[0]!.memoryByteSeconds).toBe(512 * 2 ** 20 * 3600);
    expect(rollups[0]!.requestMemoryByteSeconds).toBe(GIB * 3600);
    expect(rollups[1]!.gpuSeconds).toBe(1800);

    // a second run of a the same day adds to the rollup
    const again = await runOnce(tenantId, dagDbId, { a: 1800 });
    await finalizeTryUsage(t.db, { taskInstanceId: again.a!.taskInstanceId, tryNumber: again.a!.tryNumber }, at(3600));
    const rollupA = await t.db.costRollup.findFirstOrThrow({ where: { tenantId, taskId: "a" } });
    expect(rollupA.tries).toBe(2);
    expect(Number(rollupA.cost)).toBeCloseTo(2.1 + 0.5 * 1.1, 6);
  });

  it("is idempotent under concurrent calls for the same try", async () => {
    const tenantId = await newTenant(t.db, "concurrent");
    const dagDbId = await uploadDag(t.db, tenantId, dag("twice", { a: `{ cpu: "1" }` }));
    const tries = await runOnce(tenantId, dagDbId, { a: 60 });
    const key = { taskInstanceId: tries.a!.taskInstanceId, tryNumber: tries.a!.tryNumber };
    const results = await Promise.all([finalizeTryUsage(t.db, key), finalizeTryUsage(t.db, key), finalizeTryUsage(t.db, key)]);
    expect(results.map((r) => r.status).sort()).toEqual(["already_costed", "already_costed", "costed"]);
    const rollup = await t.db.costRollup.findFirstOrThrow({ where: { tenantId } });
    expect(rollup.tries).toBe(1);
  });

  it("reports a try that has not ended, or does not exist", async () => {
    const tenantId = await newTenant(t.db, "unended");
    const dagDbId = await uploadDag(t.db, tenantId, dag("open", { a: `{ cpu: "1" }` }));
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run.id);
    const launch = await launchTask(t.db, run.id, "a");
    expect((await finalizeTryUsage(t.db, launch)).status).toBe("not_ended");
    expect((await finalizeTryUsage(t.db, { ...launch, tryNumber: 99 })).status).toBe("not_found");
  });
});

describe("the monthly budget warning", () => {
  it("warns once per month with an audit event when month-to-date cost reaches the threshold", async () => {
    const tenantId = await newTenant(t.db, "budget");
    await platformSheet(at(-3600), 1, 0, 0, tenantId);
    await setTenantBudget(t.db, { tenantId, monthlyBudget: 2, warnPercent: 50 });
    const dagDbId = await uploadDag(t.db, tenantId, dag("spend", { a: `{ cpu: "1", memory: "1Ki" }` }));

    const finalizeRun = async (seconds: number, start: Date) => {
      const tries = await runOnce(tenantId, dagDbId, { a: seconds }, start);
      return finalizeTryUsage(t.db, { taskInstanceId: tries.a!.taskInstanceId, tryNumber: tries.a!.tryNumber }, start);
    };
    const below = await finalizeRun(1800, T0); // ~0.5 of the 1.0 threshold
    expect(below.status === "costed" && below.budget.warned).toBe(false);
    const crossing = await finalizeRun(1800, T0); // ~1.0
    expect(crossing.status === "costed" && crossing.budget).toMatchObject({ warned: true, monthlyBudget: 2 });
    const more = await finalizeRun(3600, T0);
    expect(more.status === "costed" && more.budget.warned).toBe(false);

    const events = await t.db.auditEvent.findMany({ where: { tenantId, action: "budget.warning" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLabel: "updraft", actorUserId: null, targetType: "tenant" });
    expect(events[0]!.details).toMatchObject({ month: "2025-03", monthlyBudget: 2, warnPercent: 50, currency: "USD" });
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).budgetWarnedMonth).toBe("2025-03");

    // a new month starts from zero, and warns again once it crosses
    const april = new Date("2025-04-02T10:00:00Z");
    const aprilBelow = await finalizeRun(1800, april);
    expect(aprilBelow.status === "costed" && aprilBelow.budget).toMatchObject({ warned: false });
    expect(aprilBelow.status === "costed" && aprilBelow.budget.monthToDateCost).toBeCloseTo(0.5, 3);
    const aprilCrossing = await finalizeRun(3600, april);
    expect(aprilCrossing.status === "costed" && aprilCrossing.budget.warned).toBe(true);
    expect(await t.db.auditEvent.count({ where: { tenantId, action: "budget.warning" } })).toBe(2);
  });

  it("validates budgets", async () => {
    const tenantId = await newTenant(t.db, "budget-input");
    await expect(setTenantBudget(t.db, { tenantId, monthlyBudget: -5 })).rejects.toThrow(UserError);
    await expect(setTenantBudget(t.db, { tenantId, monthlyBudget: 10, warnPercent: 0 })).rejects.toThrow(/1 to 100/);
    await expect(setTenantBudget(t.db, { tenantId, monthlyBudget: 10, warnPercent: 12.5 })).rejects.toThrow(UserError);
    expect(await setTenantBudget(t.db, { tenantId, monthlyBudget: 123.456, warnPercent: 90 })).toMatchObject({
      monthlyBudget: 123.46,
      warnPercent: 90,
      currency: "USD",
      warnedMonth: null,
    });
    expect(await setTenantBudget(t.db, { tenantId, monthlyBudget: null })).toMatchObject({ monthlyBudget: null, warnPercent: 80 });
  });
});

describe("price sheets", () => {
  it("creates platform sheets and tenant overrides from now on, and resolves the prices in effect", async () => {
    const tenantId = await newTenant(t.db, "sheets");
    const other = await newTenant(t.db, "sheets-other");
    const now = new Date("2030-01-01T00:00:00Z");
    const platform = await createPriceSheet(t.db, { tenantId: null, cpuHour: 0.04, memoryGibHour: 0.005, gpuHour: 1.2 }, now);
    expect(platform).toMatchObject({ tenantId: null, cpuHour: 0.04, currency: "USD", effectiveFrom: now });
    const override = await createPriceSheet(
      t.db,
      { tenantId, cpuHour: 0.02, memoryGibHour: 0.001, gpuHour: 0.5, currency: "eur", effectiveFrom: new Date("2030-02-01T00:00:00Z"), note: " negotiated " },
      now,
    );
    expect(override).toMatchObject({ tenantId, currency: "EUR", note: "negotiated" });

    expect(await effectivePrices(t.db, { tenantId, at: new Date("2030-01-15T00:00:00Z") })).toMatchObject({ source: "platform", cpuHour: 0.04 });
    expect(await effectivePrices(t.db, { tenantId, at: new Date("2030-02-15T00:00:00Z") })).toMatchObject({
      source: "tenant",
      cpuHour: 0.02,
      currency: "EUR",
    });
    expect(await effectivePrices(t.db, { tenantId: other, at: new Date("2030-02-15T00:00:00Z") })).toMatchObject({ source: "platform" });
    expect((await listPriceSheets(t.db, { tenantId })).map((s) => s.id)).toEqual([override.id]);
    expect((await listPriceSheets(t.db, { tenantId: null })).map((s) => s.id)).toContain(platform.id);
  });

  it("uses the defaults with no sheet, and rejects invalid sheets", async () => {
    const tenantId = await newTenant(t.db, "sheets-invalid");
    expect(await effectivePrices(t.db, { tenantId, at: new Date("2000-01-01T00:00:00Z") })).toMatchObject({
      ...DEFAULT_PRICES,
      source: "default",
    });
    const now = new Date("2031-01-01T00:00:00Z");
    const base = { tenantId, cpuHour: 1, memoryGibHour: 1, gpuHour: 1 };
    await expect(createPriceSheet(t.db, { ...base, cpuHour: -1 }, now)).rejects.toThrow(/0 or more/);
    await expect(createPriceSheet(t.db, { ...base, gpuHour: Number.NaN }, now)).rejects.toThrow(UserError);
    await expect(createPriceSheet(t.db, { ...base, currency: "DOLLARS" }, now)).rejects.toThrow(/ISO 4217/);
    await expect(createPriceSheet(t.db, { ...base, effectiveFrom: new Date("2030-12-01T00:00:00Z") }, now)).rejects.toThrow(
      /never rewritten/,
    );
    // a few seconds of clock skew is taken as now
    const skewed = await createPriceSheet(t.db, { ...base, effectiveFrom: new Date(now.getTime() - 5000) }, now);
    expect(skewed.effectiveFrom).toEqual(now);
  });
});

describe("estimateRunCost", () => {
  it("sums requests × the median duration of each task's recent successful tries, listing tasks never run", async () => {
    const tenantId = await newTenant(t.db, "estimate");
    await createPriceSheet(t.db, { tenantId, cpuHour: 1, memoryGibHour: 0.5, gpuHour: 0 }, new Date("2020-01-01T00:00:00Z"));
    const dagDbId = await uploadDag(t.db, tenantId, dag("estimated", { a: `{ cpu: "2", memory: "1Gi" }` }));
    await runOnce(tenantId, dagDbId, { a: 60 });
    await runOnce(tenantId, dagDbId, { a: 7200 });
    await runOnce(tenantId, dagDbId, { a: 1800 });
    // a new version adds a task that never ran
    await uploadDag(t.db, tenantId, dag("estimated", { a: `{ cpu: "2", memory: "1Gi" }`, b: `{ cpu: "1" }` }));

    const estimate = await estimateRunCost(t.db, { tenantId, dagDbId });
    expect(estimate.unknownTaskIds).toEqual(["b"]);
    const a = estimate.tasks.find((x) => x.taskId === "a")!;
    expect(a).toMatchObject({ medianDurationSeconds: 1800, basedOnTries: 3 });
    expect(a.cost).toBeCloseTo(0.5 * (2 * 1 + 1 * 0.5), 6);
    expect(estimate.total).toBeCloseTo(1.25, 6);
    expect(estimate.currency).toBe("USD");
    await expect(estimateRunCost(t.db, { tenantId: await newTenant(t.db, "estimate-other"), dagDbId })).rejects.toThrow(UserError);
  });
});
