import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";
import { sampleDagYaml } from "../test-support/sample-dags";

const testDb = useTestDatabase();

describe("runs.mark and runs.clear", () => {
  const tenantSlug = "massive-dynamic";
  let operator: Awaited<ReturnType<typeof memberWithRole>>["caller"];
  let viewer: Awaited<ReturnType<typeof memberWithRole>>["caller"];
  let owner: Awaited<ReturnType<typeof memberWithRole>>["caller"];

  /** A run whose four tasks all succeeded. */
  async function finishedRun(): Promise<string> {
    const { id } = await owner.dags.trigger({ tenantSlug, dagId: "etl_daily" });
    const now = new Date();
    await testDb.db.taskInstance.updateMany({
      where: { dagRunId: id },
      data: { state: "SUCCESS", tryNumber: 1, queuedAt: now, startedAt: now, endedAt: now, exitCode: 0 },
    });
    await testDb.db.dagRun.update({ where: { id }, data: { state: "SUCCESS", startedAt: now, endedAt: now } });
    return id;
  }

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    ({ caller: owner } = await memberWithRole(testDb.db, tenantSlug, "OWNER"));
    await owner.dags.upload({ tenantSlug, fileName: "etl.yaml", source: sampleDagYaml() });
    ({ caller: operator } = await memberWithRole(testDb.db, tenantSlug, "OPERATOR"));
    ({ caller: viewer } = await memberWithRole(testDb.db, tenantSlug, "VIEWER"));
  });

  it("marks an unfinished run failed, and then success", async () => {
    const { id } = await owner.dags.trigger({ tenantSlug, dagId: "etl_daily" });
    expect(await operator.runs.mark({ tenantSlug, id, state: "FAILED" })).toEqual({ id, state: "FAILED" });
    let run = await viewer.runs.get({ tenantSlug, id });
    expect(run).toMatchObject({ state: "FAILED", finished: true });
    expect(run.tasks.every((t) => ["FAILED", "SKIPPED", "UPSTREAM_FAILED", "SUCCESS"].includes(t.state))).toBe(true);

    await operator.runs.mark({ tenantSlug, id, state: "SUCCESS" });
    run = await viewer.runs.get({ tenantSlug, id });
    expect(run).toMatchObject({ state: "SUCCESS", finished: true });
  });

  it("clears a task alone, or with everything downstream of it, so it runs again", async () => {
    const id = await finishedRun();
    const alone = await operator.runs.clear({ tenantSlug, id, taskIds: ["transform_a"], includeDownstream: false });
    expect(alone.cleared).toEqual(["transform_a"]);
    let run = await viewer.runs.get({ tenantSlug, id });
    expect(run.finished).toBe(false);
    expect(run.tasks.find((t) => t.taskId === "transform_a")?.state).not.toBe("SUCCESS");
    expect(run.tasks.find((t) => t.taskId === "load")?.state).toBe("SUCCESS");

    const id2 = await finishedRun();
    const withDownstream = await operator.runs.clear({ tenantSlug, id: id2, taskIds: ["transform_a"], includeDownstream: true });
    expect([...withDownstream.cleared].sort()).toEqual(["load", "transform_a"]);
    run = await viewer.runs.get({ tenantSlug, id: id2 });
    expect(run.tasks.filter((t) => t.state === "SUCCESS").map((t) => t.taskId)).toEqual(["extract", "transform_b"]);
  });

  it("refuses an unknown task id with the engine's message", async () => {
    const id = await finishedRun();
    await expect(operator.runs.clear({ tenantSlug, id, taskIds: ["transfrom_a"], includeDownstream: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("transfrom_a"),
    });
    await expect(operator.runs.clear({ tenantSlug, id, taskIds: [], includeDownstream: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Pick at least one task"),
    });
  });

  it("refuses VIEWERs", async () => {
    const id = await finishedRun();
    await expect(viewer.runs.mark({ tenantSlug, id, state: "FAILED" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("OPERATOR"),
    });
    await expect(viewer.runs.clear({ tenantSlug, id, taskIds: ["extract"], includeDownstream: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await viewer.runs.get({ tenantSlug, id })).state).toBe("SUCCESS");
  });

  it("does not touch another tenant's run", async () => {
    const id = await finishedRun();
    const other = await memberWithRole(testDb.db, "hanso", "OWNER");
    await expect(other.caller.runs.mark({ tenantSlug: "hanso", id, state: "FAILED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      other.caller.runs.clear({ tenantSlug: "hanso", id, taskIds: ["extract"], includeDownstream: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const run = await viewer.runs.get({ tenantSlug, id });
    expect(run.state).toBe("SUCCESS");
    expect(run.tasks.every((t) => t.state === "SUCCESS" && t.tryNumber === 1)).toBe(true);
  });
});
