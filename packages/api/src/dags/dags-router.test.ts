import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";
import { DAG_WITH_UNKNOWN_UPSTREAM, sampleDagYaml } from "../test-support/sample-dags";

const testDb = useTestDatabase();

describe("dags router", () => {
  let author: Awaited<ReturnType<typeof memberWithRole>>;
  const tenantSlug = "umbrella";

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    author = await memberWithRole(testDb.db, tenantSlug, "AUTHOR");
  });

  it("rejects an invalid file with file:line:col errors and stores nothing", async () => {
    const result = await author.caller.dags.upload({ tenantSlug, fileName: "broken.yaml", source: DAG_WITH_UNKNOWN_UPSTREAM });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(0);
    const error = result.errors[0]!;
    expect(error).toMatchObject({ file: "broken.yaml", line: 7, path: "tasks[1].depends_on[0]" });
    expect(error.formatted).toMatch(/^broken\.yaml:7:\d+ tasks\[1\]\.depends_on\[0\]: .*prepocess/);
    expect(await author.caller.dags.list({ tenantSlug })).toEqual([]);
    expect(await testDb.db.dag.count()).toBe(0);
    expect(await testDb.db.dagVersion.count()).toBe(0);
  });

  it("refuses files over 1 MiB before parsing them", async () => {
    const huge = sampleDagYaml() + `# ${"x".repeat(1024 * 1024)}\n`;
    await expect(author.caller.dags.upload({ tenantSlug, fileName: "huge.yaml", source: huge })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("1 MiB"),
    });
  });

  it("stores a valid file, lists it, and reports an identical re-upload as unchanged", async () => {
    const first = await author.caller.dags.upload({ tenantSlug, fileName: "etl.yaml", source: sampleDagYaml() });
    expect(first).toEqual({ ok: true, dagId: "etl_daily", version: 1, unchanged: false });

    const again = await author.caller.dags.upload({ tenantSlug, fileName: "etl.yaml", source: sampleDagYaml() });
    expect(again).toMatchObject({ ok: true, dagId: "etl_daily", version: 1, unchanged: true });

    const list = await author.caller.dags.list({ tenantSlug });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      dagId: "etl_daily",
      schedule: "0 0 * * *",
      timezone: "UTC",
      isPaused: false,
      currentVersion: 1,
      tags: ["etl"],
      lastRun: null,
    });
  });

  it("shows a DAG's tasks, params, versions and source", async () => {
    const dag = await author.caller.dags.get({ tenantSlug, dagId: "etl_daily" });
    expect(dag.description).toBe("Nightly extract, transform and load");
    expect(dag.params).toEqual({ batch_size: 100 });
    expect(dag.tasks.map((t) => [t.taskId, t.dependsOn])).toEqual([
      ["extract", []],
      ["transform_a", ["extract"]],
      ["transform_b", ["extract"]],
      ["load", ["transform_a", "transform_b"]],
    ]);
    expect(dag.tasks[3]?.triggerRule).toBe("all_done");
    expect(dag.tasks[0]?.command).toEqual(["sh", "-c", "echo extracting"]);
    expect(dag.currentVersion?.sourceText).toBe(sampleDagYaml());
    expect(dag.versions.map((v) => v.version)).toEqual([1]);
    await expect(author.caller.dags.get({ tenantSlug, dagId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("triggers a run that shows up in runs.list and as the DAG's last run", async () => {
    const run = await author.caller.dags.trigger({ tenantSlug, dagId: "etl_daily", conf: { batch_size: 5 } });
    const runs = await author.caller.runs.list({ tenantSlug, dagId: "etl_daily" });
    expect(runs.map((r) => r.id)).toEqual([run.id]);
    expect(runs[0]).toMatchObject({ runId: run.runId, runType: "MANUAL", state: "QUEUED", version: 1 });
    const [listed] = await author.caller.dags.list({ tenantSlug });
    expect(listed?.lastRun).toMatchObject({ id: run.id, runId: run.runId, state: "QUEUED" });
  });

  it("refuses unknown params with the engine's message as BAD_REQUEST", async () => {
    const attempt = author.caller.dags.trigger({ tenantSlug, dagId: "etl_daily", conf: { batch_sise: 5 } });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining('"batch_sise"') });
  });

  it("pauses and unpauses", async () => {
    await author.caller.dags.setPaused({ tenantSlug, dagId: "etl_daily", paused: true });
    expect((await author.caller.dags.get({ tenantSlug, dagId: "etl_daily" })).isPaused).toBe(true);
    await author.caller.dags.setPaused({ tenantSlug, dagId: "etl_daily", paused: false });
    expect((await author.caller.dags.get({ tenantSlug, dagId: "etl_daily" })).isPaused).toBe(false);
  });
});
