import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";
import { sampleDagYaml } from "../test-support/sample-dags";

const testDb = useTestDatabase();

describe("deleting a DAG", () => {
  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
  });

  it("refuses while a run is active, then deletes the DAG with its runs and logs once it finished", async () => {
    const author = await memberWithRole(testDb.db, "acme", "AUTHOR");
    const operator = await memberWithRole(testDb.db, "acme", "OPERATOR");
    await author.caller.dags.upload({ tenantSlug: "acme", fileName: "etl.yaml", source: sampleDagYaml() });
    const run = await operator.caller.dags.trigger({ tenantSlug: "acme", dagId: "etl_daily" });

    await expect(author.caller.dags.delete({ tenantSlug: "acme", dagId: "etl_daily" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('DAG "etl_daily" has 1 queued or running run'),
    });
    expect(await testDb.db.dag.count({ where: { dagId: "etl_daily" } })).toBe(1);

    await operator.caller.runs.mark({ tenantSlug: "acme", id: run.id, state: "FAILED" });
    await expect(operator.caller.dags.delete({ tenantSlug: "acme", dagId: "etl_daily" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await author.caller.dags.delete({ tenantSlug: "acme", dagId: "etl_daily" })).toEqual({ dagId: "etl_daily", versions: 1, runs: 1 });
    expect(await author.caller.dags.list({ tenantSlug: "acme" })).toEqual([]);
    expect(await testDb.db.dagRun.count({ where: { id: run.id } })).toBe(0);
    expect(await testDb.db.taskInstance.count({ where: { dagRunId: run.id } })).toBe(0);
    const event = await testDb.db.auditEvent.findFirstOrThrow({ where: { action: "dag.delete" } });
    expect(event).toMatchObject({ target: "etl_daily", actorLabel: author.user.email, details: { versions: 1, runs: 1 } });

    await expect(author.caller.dags.delete({ tenantSlug: "acme", dagId: "etl_daily" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const again = await author.caller.dags.upload({ tenantSlug: "acme", fileName: "etl.yaml", source: sampleDagYaml() });
    expect(again).toMatchObject({ ok: true, version: 1 });
  });
});
