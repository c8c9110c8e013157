import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { UserError } from "@updraft/engine";
import { ensureJobQueue, newTenant } from "@updraft/engine/testing";
import { deployDagFiles } from "./deploy-dag-files";
import { MAX_DEPLOY_FILE_BYTES } from "./deploy-limits";

const t = useTestDatabase();
const TOKEN_ID = "3f1f7f9e-8c1a-4a55-9d8e-1f0f3c7b2a10";
const actor = { tokenId: TOKEN_ID, label: "token ci-deploy" };

function dagYaml(dagId: string, echo = "hi"): string {
  return `dag_id: ${dagId}\nschedule: "@daily"\nstart_date: 2025-01-01\ntasks:\n  - task_id: only\n    command: [echo, ${echo}]\n`;
}

/** Task `train` depends on a misspelt task (line 7, column 17). */
const BROKEN = `dag_id: broken
schedule: null
tasks:
  - task_id: preprocess
    command: [echo, hi]
  - task_id: train
    depends_on: [prepocess]
    command: [echo, train]
`;

async function dagsOf(tenantId: string) {
  const dags = await t.db.dag.findMany({
    where: { tenantId },
    orderBy: { dagId: "asc" },
    include: { currentVersion: { select: { version: true, fileName: true, createdById: true } } },
  });
  return dags.map((d) => ({ dagId: d.dagId, version: d.currentVersion?.version, fileName: d.currentVersion?.fileName }));
}

async function deployEvents(tenantId: string) {
  return t.db.auditEvent.findMany({ where: { tenantId, action: "dag.deploy" }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  await ensureJobQueue(t.url);
});

describe("deployDagFiles", () => {
  it("stores every file as its DAG's next version and records one dag.deploy audit event", async () => {
    const tenantId = await newTenant(t.db, "deploy-ok");
    const result = await deployDagFiles(t.db, {
      tenantId,
      actor,
      ip: "10.0.0.7",
      files: [
        { name: "etl.yaml", content: dagYaml("etl") },
        { name: "report.json", content: JSON.stringify({ dag_id: "report", schedule: null, tasks: [{ task_id: "a", command: ["true"] }] }) },
      ],
    });

    expect(result).toEqual({
      ok: true,
      results: [
        { file: "etl.yaml", ok: true, dagId: "etl", version: 1, changed: true },
        { file: "report.json", ok: true, dagId: "report", version: 1, changed: true },
      ],
    });
    expect(await dagsOf(tenantId)).toEqual([
      { dagId: "etl", version: 1, fileName: "etl.yaml" },
      { dagId: "report", version: 1, fileName: "report.json" },
    ]);
    const [event, ...more] = await deployEvents(tenantId);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actorTokenId: TOKEN_ID,
      actorUserId: null,
      actorLabel: "token ci-deploy",
      targetType: "dag",
      target: "etl, report",
      ip: "10.0.0.7",
    });
    expect(event!.details).toEqual({
      dags: [
        { file: "etl.yaml", dagId: "etl", version: 1, changed: true },
        { file: "report.json", dagId: "report", version: 1, changed: true },
      ],
    });
  });

  it("reports unchanged files as changed: false and bumps only edited DAGs", async () => {
    const tenantId = await newTenant(t.db, "deploy-again");
    await deployDagFiles(t.db, { tenantId, actor, files: [{ name: "a.yaml", content: dagYaml("a") }, { name: "b.yaml", content: dagYaml("b") }] });

    const again = await deployDagFiles(t.db, {
      tenantId,
      actor,
      files: [
        { name: "a.yaml", content: dagYaml("a") },
        { name: "b.yaml", content: dagYaml("b", "changed") },
      ],
    });

    expect(again).toEqual({
      ok: true,
      results: [
        { file: "a.yaml", ok: true, dagId: "a", version: 1, changed: false },
        { file: "b.yaml", ok: true, dagId: "b", version: 2, changed: true },
      ],
    });
  });

  it("stores nothing when one file is rejected, and says which files were fine", async () => {
    const tenantId = await newTenant(t.db, "deploy-atomic");
    const result = await deployDagFiles(t.db, {
      tenantId,
      actor,
      files: [
        { name: "good.yaml", content: dagYaml("good") },
        { name: "ml.yaml", content: BROKEN },
      ],
    });

    expect(result.ok).toBe(false);
    expect(result.results[0]).toEqual({ file: "good.yaml", ok: true, dagId: "good", stored: false });
    const rejected = result.results[1];
    if (!rejected || rejected.ok) throw new Error("expected ml.yaml to be rejected");
    expect(rejected.file).toBe("ml.yaml");
    expect(rejected.errors).toEqual([
      {
        line: 7,
        column: 18,
        path: "tasks[1].depends_on[0]",
        message: expect.stringContaining('unknown task "prepocess"'),
        text: expect.stringMatching(/^ml\.yaml:7:18 tasks\[1\]\.depends_on\[0\]: unknown task "prepocess"/),
      },
    ]);
    expect(await dagsOf(tenantId)).toEqual([]);
    expect(await deployEvents(tenantId)).toEqual([]);
  });

  it("refuses two files that define the same dag_id, pointing at the second one's dag_id", async () => {
    const tenantId = await newTenant(t.db, "deploy-dupe");
    const result = await deployDagFiles(t.db, {
      tenantId,
      actor,
      files: [
        { name: "one.yaml", content: dagYaml("same") },
        { name: "two.yaml", content: `# copy\n${dagYaml("same", "other")}` },
      ],
    });

    expect(result).toEqual({
      ok: false,
      results: [
        { file: "one.yaml", ok: true, dagId: "same", stored: false },
        {
          file: "two.yaml",
          ok: false,
          errors: [
            {
              line: 2,
              column: 1,
              path: "dag_id",
              message: 'dag_id "same" is also defined in one.yaml: each DAG must come from exactly one file',
              text: 'two.yaml:2:1 dag_id: dag_id "same" is also defined in one.yaml: each DAG must come from exactly one file',
            },
          ],
        },
      ],
    });
    expect(await dagsOf(tenantId)).toEqual([]);
  });

  it("checks names and sizes with the UI upload's messages", async () => {
    const tenantId = await newTenant(t.db, "deploy-limits");
    const result = await deployDagFiles(t.db, {
      tenantId,
      actor,
      files: [
        { name: "  ", content: dagYaml("x") },
        { name: `${"n".repeat(256)}.yaml`, content: dagYaml("y") },
        { name: "empty.yaml", content: "" },
        { name: "huge.yaml", content: `# ${"x".repeat(MAX_DEPLOY_FILE_BYTES)}\n${dagYaml("huge")}` },
      ],
    });

    expect(result.ok).toBe(false);
    const messages = result.results.map((r) => (r.ok ? "ok" : r.errors.map((e) => e.message).join("; ")));
    expect(messages).toEqual([
      "Give the file a name, e.g. dag.yaml",
      "File names are limited to 255 characters",
      "The DAG file is empty; paste or choose a YAML or JSON DAG file",
      "DAG files are limited to 1 MiB; split this DAG or shrink the file",
    ]);
    expect(await dagsOf(tenantId)).toEqual([]);
  });

  it("refuses the same file name twice", async () => {
    const tenantId = await newTenant(t.db, "deploy-names");
    const result = await deployDagFiles(t.db, {
      tenantId,
      actor,
      files: [
        { name: "dag.yaml", content: dagYaml("first") },
        { name: "dag.yaml", content: dagYaml("second") },
      ],
    });
    expect(result.results[1]).toMatchObject({
      ok: false,
      errors: [{ message: "this file name appears more than once in the deploy: send each file once" }],
    });
    expect(await dagsOf(tenantId)).toEqual([]);
  });

  it("touches only the given tenant's DAGs", async () => {
    const a = await newTenant(t.db, "deploy-tenant-a");
    const b = await newTenant(t.db, "deploy-tenant-b");
    await deployDagFiles(t.db, { tenantId: b, actor, files: [{ name: "etl.yaml", content: dagYaml("etl", "b") }] });

    const result = await deployDagFiles(t.db, { tenantId: a, actor, files: [{ name: "etl.yaml", content: dagYaml("etl", "a") }] });

    expect(result.results[0]).toMatchObject({ dagId: "etl", version: 1, changed: true });
    expect(await dagsOf(b)).toEqual([{ dagId: "etl", version: 1, fileName: "etl.yaml" }]);
    const source = await t.db.dag.findFirstOrThrow({ where: { tenantId: b }, include: { currentVersion: true } });
    expect(source.currentVersion?.sourceText).toContain("[echo, b]");
  });

  it("refuses an empty deploy and more than 100 files before looking at them", async () => {
    const tenantId = await newTenant(t.db, "deploy-count");
    await expect(deployDagFiles(t.db, { tenantId, actor, files: [] })).rejects.toThrow(UserError);
    const many = Array.from({ length: 101 }, (_, i) => ({ name: `d${i}.yaml`, content: dagYaml(`d${i}`) }));
    await expect(deployDagFiles(t.db, { tenantId, actor, files: many })).rejects.toThrow(
      "A deploy takes at most 100 files (got 101); deploy in smaller batches.",
    );
  });
});
