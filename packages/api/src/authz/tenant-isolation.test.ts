import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, memberWithRole } from "../test-support/api-callers";
import { sampleDagYaml } from "../test-support/sample-dags";

const testDb = useTestDatabase();

describe("tenant isolation", () => {
  let alice: Awaited<ReturnType<typeof memberWithRole>>;
  let bTenantSlug: string;
  let bDagId: string;
  let bRunId: string;
  let bTaskInstanceId: string;

  beforeAll(async () => {
    const db = testDb.db;
    await ensureJobQueue(testDb.url);
    alice = await memberWithRole(db, "acme", "OWNER");
    await alice.caller.dags.upload({ tenantSlug: "acme", fileName: "a.yaml", source: sampleDagYaml("alice_dag") });

    const bob = await memberWithRole(db, "globex", "OWNER");
    bTenantSlug = bob.tenant.slug;
    const uploaded = await bob.caller.dags.upload({ tenantSlug: "globex", fileName: "b.yaml", source: sampleDagYaml("secret_dag") });
    expect(uploaded.ok).toBe(true);
    bDagId = "secret_dag";
    const run = await bob.caller.dags.trigger({ tenantSlug: "globex", dagId: bDagId });
    bRunId = run.id;
    const ti = await db.taskInstance.findFirstOrThrow({ where: { dagRunId: run.id } });
    bTaskInstanceId = ti.id;
    await db.taskLog.create({ data: { taskInstanceId: ti.id, tryNumber: 1, stream: "STDOUT", content: "globex secret output" } });
  });

  it("answers another tenant's slug exactly like a tenant that does not exist", async () => {
    const other = alice.caller.dags.list({ tenantSlug: bTenantSlug });
    await expect(other).rejects.toMatchObject({ code: "NOT_FOUND", message: "Tenant not found" });
    const missing = alice.caller.dags.list({ tenantSlug: "no-such-tenant" });
    await expect(missing).rejects.toMatchObject({ code: "NOT_FOUND", message: "Tenant not found" });
  });

  it("does not find another tenant's DAG through the caller's own tenant", async () => {
    await expect(alice.caller.dags.get({ tenantSlug: "acme", dagId: bDagId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(alice.caller.runs.list({ tenantSlug: "acme", dagId: bDagId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(alice.caller.dags.trigger({ tenantSlug: "acme", dagId: bDagId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(alice.caller.dags.setPaused({ tenantSlug: "acme", dagId: bDagId, paused: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const bDag = await testDb.db.dag.findFirstOrThrow({ where: { dagId: bDagId } });
    expect(bDag.isPaused).toBe(false);
    expect(await testDb.db.dagRun.count({ where: { dagDbId: bDag.id } })).toBe(1);
  });

  it("does not return another tenant's run or task log by id", async () => {
    await expect(alice.caller.runs.get({ tenantSlug: "acme", id: bRunId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      alice.caller.logs.forTask({ tenantSlug: "acme", taskInstanceId: bTaskInstanceId, tryNumber: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists only the caller's own DAGs and tenants", async () => {
    const dags = await alice.caller.dags.list({ tenantSlug: "acme" });
    expect(dags.map((d) => d.dagId)).toEqual(["alice_dag"]);
    const tenants = await alice.caller.tenants.mine();
    expect(tenants.map((t) => t.slug)).toEqual(["acme"]);
  });

  it("asks signed-out callers to sign in", async () => {
    const anonymous = callerFor(testDb.db, null);
    await expect(anonymous.tenants.mine()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    await expect(anonymous.dags.list({ tenantSlug: "acme" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
