import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";
import { sampleDagYaml } from "../test-support/sample-dags";

const testDb = useTestDatabase();

describe("roles", () => {
  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    const owner = await memberWithRole(testDb.db, "initech", "OWNER");
    await owner.caller.dags.upload({ tenantSlug: "initech", fileName: "etl.yaml", source: sampleDagYaml() });
  });

  it("lets a VIEWER read but not upload, trigger or pause", async () => {
    const { caller } = await memberWithRole(testDb.db, "initech", "VIEWER");
    expect((await caller.dags.list({ tenantSlug: "initech" })).map((d) => d.dagId)).toEqual(["etl_daily"]);

    const upload = caller.dags.upload({ tenantSlug: "initech", fileName: "x.yaml", source: sampleDagYaml("viewer_dag") });
    await expect(upload).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("AUTHOR") });
    const trigger = caller.dags.trigger({ tenantSlug: "initech", dagId: "etl_daily" });
    await expect(trigger).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("OPERATOR") });
    const pause = caller.dags.setPaused({ tenantSlug: "initech", dagId: "etl_daily", paused: true });
    await expect(pause).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(await testDb.db.dag.count({ where: { dagId: "viewer_dag" } })).toBe(0);
    expect(await testDb.db.dagRun.count()).toBe(0);
  });

  it("lets an OPERATOR trigger and pause but not upload", async () => {
    const { caller } = await memberWithRole(testDb.db, "initech", "OPERATOR");
    const run = await caller.dags.trigger({ tenantSlug: "initech", dagId: "etl_daily" });
    expect(run.runId).toMatch(/^manual__/);
    await caller.dags.setPaused({ tenantSlug: "initech", dagId: "etl_daily", paused: true });
    expect((await caller.dags.list({ tenantSlug: "initech" }))[0]?.isPaused).toBe(true);
    await caller.dags.setPaused({ tenantSlug: "initech", dagId: "etl_daily", paused: false });
    await expect(
      caller.dags.upload({ tenantSlug: "initech", fileName: "x.yaml", source: sampleDagYaml("op_dag") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets an AUTHOR upload", async () => {
    const { caller } = await memberWithRole(testDb.db, "initech", "AUTHOR");
    const result = await caller.dags.upload({ tenantSlug: "initech", fileName: "a.yaml", source: sampleDagYaml("author_dag") });
    expect(result).toMatchObject({ ok: true, dagId: "author_dag", version: 1 });
  });
});
