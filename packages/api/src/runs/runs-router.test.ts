import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";
import { sampleDagYaml } from "../test-support/sample-dags";

const testDb = useTestDatabase();

describe("runs router", () => {
  const tenantSlug = "hooli";
  let caller: Awaited<ReturnType<typeof memberWithRole>>["caller"];

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    ({ caller } = await memberWithRole(testDb.db, tenantSlug, "OPERATOR"));
    const owner = await memberWithRole(testDb.db, tenantSlug, "OWNER");
    await owner.caller.dags.upload({ tenantSlug, fileName: "etl.yaml", source: sampleDagYaml() });
  });

  it("returns a run's task instances in graph order with layers for drawing", async () => {
    const { id } = await caller.dags.trigger({ tenantSlug, dagId: "etl_daily" });
    const run = await caller.runs.get({ tenantSlug, id });
    expect(run).toMatchObject({ id, dagId: "etl_daily", state: "QUEUED", finished: false, runType: "MANUAL", version: 1 });
    expect(run.graph.map((n) => [n.taskId, n.layer])).toEqual([
      ["extract", 0],
      ["transform_a", 1],
      ["transform_b", 1],
      ["load", 2],
    ]);
    expect(run.tasks.map((t) => [t.taskId, t.state, t.tryNumber])).toEqual([
      ["extract", "NONE", 0],
      ["transform_a", "NONE", 0],
      ["transform_b", "NONE", 0],
      ["load", "NONE", 0],
    ]);
    expect(run.tasks.every((t) => t.id !== null)).toBe(true);
  });

  it("reflects task progress and reports finished runs", async () => {
    const { id } = await caller.dags.trigger({ tenantSlug, dagId: "etl_daily" });
    await testDb.db.taskInstance.updateMany({
      where: { dagRunId: id, taskId: "extract" },
      data: { state: "FAILED", tryNumber: 1, exitCode: 3, message: "exit code 3" },
    });
    await testDb.db.dagRun.update({ where: { id }, data: { state: "FAILED", endedAt: new Date() } });
    const run = await caller.runs.get({ tenantSlug, id });
    expect(run.finished).toBe(true);
    expect(run.tasks[0]).toMatchObject({ taskId: "extract", state: "FAILED", tryNumber: 1, exitCode: 3, message: "exit code 3" });
  });

  it("lists runs newest first, limited", async () => {
    const runs = await caller.runs.list({ tenantSlug, dagId: "etl_daily", limit: 1 });
    expect(runs).toHaveLength(1);
    const all = await caller.runs.list({ tenantSlug, dagId: "etl_daily" });
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all[0]?.id).toBe(runs[0]?.id);
    const times = all.map((r) => r.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("lists each run's version and who triggered it; a DAG without runs lists none, an unknown DAG is not found", async () => {
    const [newest] = await caller.runs.list({ tenantSlug, dagId: "etl_daily", limit: 1 });
    expect(newest).toMatchObject({ runType: "MANUAL", state: "FAILED", version: 1, startedAt: null });
    expect(newest?.endedAt).toBeInstanceOf(Date);
    expect(newest?.triggeredBy).toMatch(/^operator-\d+@hooli\.example$/);
    expect(newest?.logicalDate).toBeInstanceOf(Date);

    const owner = await memberWithRole(testDb.db, tenantSlug, "OWNER");
    await owner.caller.dags.upload({ tenantSlug, fileName: "quiet.yaml", source: sampleDagYaml("quiet") });
    await expect(caller.runs.list({ tenantSlug, dagId: "quiet" })).resolves.toEqual([]);
    await expect(caller.runs.list({ tenantSlug, dagId: "no_such_dag" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
