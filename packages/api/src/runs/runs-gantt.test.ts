import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";
import { triggeredSampleRun } from "../test-support/sample-run";

const testDb = useTestDatabase();

const at = (second: number) => new Date(Date.UTC(2025, 5, 1, 12, 0, second));

describe("runs.gantt", () => {
  const tenantSlug = "cyberdyne";
  let viewer: Awaited<ReturnType<typeof memberWithRole>>["caller"];
  let runId: string;

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    ({ runId, viewer: { caller: viewer } } = await triggeredSampleRun(testDb.db, tenantSlug));

    const extract = await testDb.db.taskInstance.findFirstOrThrow({ where: { dagRunId: runId, taskId: "extract" } });
    await testDb.db.taskInstance.update({ where: { id: extract.id }, data: { state: "SUCCESS", tryNumber: 2, maxTries: 2 } });
    await testDb.db.taskTry.createMany({
      data: [
        { taskInstanceId: extract.id, tryNumber: 1, state: "FAILED", queuedAt: at(0), startedAt: at(1), endedAt: at(3), exitCode: 1 },
        { taskInstanceId: extract.id, tryNumber: 2, state: "SUCCESS", queuedAt: at(4), startedAt: at(5), endedAt: at(7), exitCode: 0 },
      ],
    });
    const load = await testDb.db.taskInstance.findFirstOrThrow({ where: { dagRunId: runId, taskId: "load" } });
    await testDb.db.taskInstance.update({ where: { id: load.id }, data: { state: "QUEUED", tryNumber: 1 } });
    await testDb.db.taskTry.create({ data: { taskInstanceId: load.id, tryNumber: 1, state: "QUEUED", queuedAt: at(8) } });
  });

  it("lists every try of every task in graph order with queued, started and ended times", async () => {
    const gantt = await viewer.runs.gantt({ tenantSlug, id: runId });
    expect(gantt).toMatchObject({ id: runId, finished: false });
    expect(gantt.rows.map((r) => [r.taskId, r.state, r.tries.length])).toEqual([
      ["extract", "SUCCESS", 2],
      ["transform_a", "NONE", 0],
      ["transform_b", "NONE", 0],
      ["load", "QUEUED", 1],
    ]);
    expect(gantt.rows[0]?.tries).toEqual([
      { tryNumber: 1, state: "FAILED", queuedAt: at(0), startedAt: at(1), endedAt: at(3) },
      { tryNumber: 2, state: "SUCCESS", queuedAt: at(4), startedAt: at(5), endedAt: at(7) },
    ]);
    expect(gantt.rows[3]?.tries).toEqual([{ tryNumber: 1, state: "QUEUED", queuedAt: at(8), startedAt: null, endedAt: null }]);
    expect(gantt.now.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("falls back to the task instance's own times for a try recorded before task_tries existed", async () => {
    await testDb.db.taskInstance.updateMany({
      where: { dagRunId: runId, taskId: "transform_a" },
      data: { state: "FAILED", tryNumber: 1, queuedAt: at(8), startedAt: at(9), endedAt: at(10) },
    });
    const gantt = await viewer.runs.gantt({ tenantSlug, id: runId });
    expect(gantt.rows[1]?.tries).toEqual([
      { tryNumber: 1, state: "FAILED", queuedAt: at(8), startedAt: at(9), endedAt: at(10) },
    ]);
  });

  it("does not return another tenant's run", async () => {
    const other = await memberWithRole(testDb.db, "skynet", "OWNER");
    await expect(other.caller.runs.gantt({ tenantSlug: "skynet", id: runId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
