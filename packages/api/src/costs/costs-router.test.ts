import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole, platformAdmin, type Caller } from "../test-support/api-callers";
import { sampleDagYaml } from "../test-support/sample-dags";

const testDb = useTestDatabase();

const RANGE = { from: "2025-03-01", to: "2025-03-31" };
const COSTS = [1.25, 0.000001, 3.5];

describe("costs router", () => {
  const tenantSlug = "hooli";
  let tenantId: string;
  let dagDbId: string;
  let viewer: Caller;
  let admin: Caller;
  let outsider: Caller;

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    const owner = await memberWithRole(testDb.db, tenantSlug, "OWNER");
    tenantId = owner.tenant.id;
    ({ caller: viewer } = await memberWithRole(testDb.db, tenantSlug, "VIEWER"));
    ({ caller: admin } = await memberWithRole(testDb.db, tenantSlug, "ADMIN"));
    ({ caller: outsider } = await memberWithRole(testDb.db, "pied-piper", "OWNER"));
    await owner.caller.dags.upload({ tenantSlug, fileName: "etl.yaml", source: sampleDagYaml("etl_daily") });
    await outsider.dags.upload({ tenantSlug: "pied-piper", fileName: "etl.yaml", source: sampleDagYaml("pp_dag") });
    dagDbId = (await testDb.db.dag.findFirstOrThrow({ where: { tenantId, dagId: "etl_daily" } })).id;
    const days = ["2025-03-02", "2025-03-02", "2025-03-20"];
    const tasks = ["extract", "load", "extract"];
    for (const [i, cost] of COSTS.entries()) {
      await testDb.db.costRollup.upsert({
        where: { tenantId_dagDbId_taskId_day: { tenantId, dagDbId, taskId: tasks[i]!, day: new Date(`${days[i]}T00:00:00Z`) } },
        create: {
          tenantId, dagDbId, taskId: tasks[i]!, day: new Date(`${days[i]}T00:00:00Z`), tries: 1, cost,
          durationSeconds: 600, cpuSeconds: 60, requestCpuSeconds: 600, memoryByteSeconds: 600 * 2 ** 20, requestMemoryByteSeconds: 600 * 2 ** 28, gpuSeconds: 0,
        },
        update: {},
      });
    }
  });

  it("totals the seeded rollups for a Viewer, by week, with top tasks and the efficiency hint", async () => {
    const overTime = await viewer.costs.overTime({ tenantSlug, filters: RANGE, granularity: "day" });
    expect(overTime.total).toBe(4.750001);
    expect(overTime.rows.map((r) => [r.period, r.cost])).toEqual([
      ["2025-03-02", 1.250001],
      ["2025-03-20", 3.5],
    ]);
    const top = await viewer.costs.topTasks({ tenantSlug, filters: { ...RANGE, dagIds: ["etl_daily"], tag: "etl" } });
    expect(top.map((t) => [t.taskId, t.cost])).toEqual([
      ["extract", 4.75],
      ["load", 0.000001],
    ]);
    const efficiency = await viewer.costs.efficiency({ tenantSlug, filters: RANGE });
    expect(efficiency.tasks[0]?.hint).toMatch(/^Requests 10\.0× the CPU it uses .* and requests 256\.0× the memory/);
    expect((await viewer.costs.options({ tenantSlug })).tags).toEqual(["etl"]);
  });

  it("filters by tag and refuses another tenant's DAG names", async () => {
    expect((await viewer.costs.overTime({ tenantSlug, filters: { ...RANGE, tag: "other" }, granularity: "month" })).total).toBe(0);
    await expect(viewer.costs.overTime({ tenantSlug, filters: { ...RANGE, dagIds: ["pp_dag"] }, granularity: "day" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(viewer.costs.dagRuns({ tenantSlug, dagId: "pp_dag" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("explains a bad range", async () => {
    await expect(viewer.costs.overTime({ tenantSlug, filters: { from: "2025-03-31", to: "2025-03-01" }, granularity: "day" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("start on or before"),
    });
    await expect(viewer.costs.overTime({ tenantSlug, filters: { from: "2025-02-30", to: "2025-03-01" }, granularity: "day" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("keeps the budget to Admins, and audits setting it", async () => {
    await expect(viewer.costs.budget({ tenantSlug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await admin.costs.setBudget({ tenantSlug, monthlyBudget: 250, warnPercent: 90 });
    expect(await admin.costs.budget({ tenantSlug })).toMatchObject({ monthlyBudget: 250, warnPercent: 90, currency: "USD" });
    const event = await testDb.db.auditEvent.findFirstOrThrow({ where: { tenantId, action: "budget.set" } });
    expect(event.details).toEqual({ monthlyBudget: 250, warnPercent: 90 });
  });

  it("lets platform admins see every tenant's cost and add price sheets", async () => {
    await expect(admin.costs.platform.tenants(RANGE)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { caller: platform } = await platformAdmin(testDb.db);
    const rows = await platform.costs.platform.tenants(RANGE);
    expect(rows.find((r) => r.slug === tenantSlug)?.cost).toBe(4.750001);
    const sheet = await platform.costs.platform.createPriceSheet({ tenantId, cpuHour: 0.02, memoryGibHour: 0.003, gpuHour: 0.5 });
    expect(await platform.costs.platform.priceSheets({ tenantId })).toEqual([expect.objectContaining({ id: sheet.id, cpuHour: 0.02 })]);
    expect(await testDb.db.auditEvent.count({ where: { tenantId, action: "pricing.create_sheet" } })).toBe(1);
  });
});
