import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";
import { sampleDagYaml } from "../test-support/sample-dags";

const testDb = useTestDatabase();

describe("runs.grid", () => {
  const tenantSlug = "stark";
  let viewer: Awaited<ReturnType<typeof memberWithRole>>["caller"];
  const runIds: string[] = [];

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    const owner = await memberWithRole(testDb.db, tenantSlug, "OWNER");
    await owner.caller.dags.upload({ tenantSlug, fileName: "etl.yaml", source: sampleDagYaml() });
    for (let i = 0; i < 3; i += 1) {
      const run = await owner.caller.dags.trigger({ tenantSlug, dagId: "etl_daily" });
      // Distinct logical dates, oldest first.
      await testDb.db.dagRun.update({ where: { id: run.id }, data: { logicalDate: new Date(Date.UTC(2025, 0, 1 + i)) } });
      runIds.push(run.id);
    }
    ({ caller: viewer } = await memberWithRole(testDb.db, tenantSlug, "VIEWER"));
  });

  it("puts runs oldest to newest as columns and tasks in graph order as rows", async () => {
    const grid = await viewer.runs.grid({ tenantSlug, dagId: "etl_daily" });
    expect(grid.runs.map((r) => r.id)).toEqual(runIds);
    expect(grid.rows.map((r) => r.taskId)).toEqual(["extract", "transform_a", "transform_b", "load"]);
    expect(grid.rows.every((row) => row.cells.length === 3 && row.cells.every((c) => c?.state === "NONE"))).toBe(true);
    expect(grid.live).toBe(true);
  });

  it("shows each cell's state, try number and task instance id", async () => {
    const newest = runIds[2]!;
    await testDb.db.taskInstance.updateMany({
      where: { dagRunId: newest, taskId: "extract" },
      data: { state: "UP_FOR_RETRY", tryNumber: 1, maxTries: 3, message: "exit code 1" },
    });
    const ti = await testDb.db.taskInstance.findFirstOrThrow({ where: { dagRunId: newest, taskId: "extract" } });
    const grid = await viewer.runs.grid({ tenantSlug, dagId: "etl_daily" });
    expect(grid.rows[0]?.cells[2]).toEqual({
      taskInstanceId: ti.id,
      state: "UP_FOR_RETRY",
      tryNumber: 1,
      maxTries: 3,
      message: "exit code 1",
    });
    expect(grid.rows[0]?.cells[0]?.state).toBe("NONE");
  });

  it("keeps only the last `limit` runs and stops being live when they are all finished", async () => {
    await testDb.db.dagRun.updateMany({ where: { id: { in: runIds.slice(1) } }, data: { state: "SUCCESS" } });
    const grid = await viewer.runs.grid({ tenantSlug, dagId: "etl_daily", limit: 2 });
    expect(grid.runs.map((r) => r.id)).toEqual(runIds.slice(1));
    expect(grid.runs.map((r) => r.finished)).toEqual([true, true]);
    expect(grid.live).toBe(false);
  });

  it("keeps a row for a task that only older runs have", async () => {
    const tenant = await testDb.db.tenant.findUniqueOrThrow({ where: { slug: tenantSlug } });
    await testDb.db.taskInstance.create({
      data: { tenantId: tenant.id, dagRunId: runIds[0]!, taskId: "old_task", state: "SUCCESS", tryNumber: 1 },
    });
    const grid = await viewer.runs.grid({ tenantSlug, dagId: "etl_daily" });
    const last = grid.rows.at(-1);
    expect(last).toMatchObject({ taskId: "old_task", inCurrentVersion: false });
    expect(last?.cells.map((c) => c?.state ?? null)).toEqual(["SUCCESS", null, null]);
  });

  it("does not show another tenant's DAG", async () => {
    const other = await memberWithRole(testDb.db, "wayne", "OWNER");
    await expect(other.caller.runs.grid({ tenantSlug: "wayne", dagId: "etl_daily" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.runs.grid({ tenantSlug, dagId: "etl_daily" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
