import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@updraft/db/testing";
import { evaluateRun } from "@updraft/engine";
import { clearJobs, ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../trpc/context";
import { platformAdmin, type Caller } from "../test-support/api-callers";
import { mutateOverHttp } from "../test-support/call-over-http";
import { pendingJobs } from "../test-support/pending-jobs";

const testDb = useTestDatabase();

/** Two tasks with nothing between them: both are ready at once. */
const PARALLEL_DAG = `dag_id: parallel_pair
schedule: null
tasks:
  - task_id: left
    command: [sh, -c, "echo left"]
  - task_id: right
    command: [sh, -c, "echo right"]
`;

const ROOMY = { cpu: "8", memory: "32Gi", gpus: 0, pods: 50, maxConcurrentTasks: 20 };

async function provisionJobsFor(tenantId: string) {
  return (await pendingJobs(testDb.db, "provision_tenant")).filter((j) => j.key === `provision_tenant:${tenantId}`);
}

async function quotaRow(tenantId: string) {
  return testDb.db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { quotaCpu: true, quotaMemory: true, quotaGpus: true, quotaPods: true, maxConcurrentTasks: true },
  });
}

describe("platform tenants and quotas", () => {
  let admin: Caller;
  let adminUser: SessionUser;
  let adminId: string;

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    ({ caller: admin, user: adminUser } = await platformAdmin(testDb.db));
    adminId = adminUser.id;
  });

  it("creates a tenant owned by the admin, lists it with its quota and usage, and provisions its namespace", async () => {
    const created = await admin.platform.tenants.create({ slug: "data-team", name: "Data Team" });
    expect(created.slug).toBe("data-team");
    const membership = await testDb.db.membership.findFirstOrThrow({ where: { tenantId: created.id, userId: adminId } });
    expect(membership.role).toBe("OWNER");

    const listed = (await admin.platform.tenants.list()).find((t) => t.slug === "data-team");
    expect(listed).toMatchObject({
      id: created.id,
      name: "Data Team",
      members: 1,
      quota: { cpu: "32", memory: "128Gi", gpus: 0, pods: 200, maxConcurrentTasks: 128 },
      used: { gpus: 0, pods: 0, tasks: 0 },
      waitingForQuota: 0,
      provisionedAt: null,
      provisionError: null,
    });
    expect(await provisionJobsFor(created.id)).toEqual([expect.objectContaining({ payload: { tenantId: created.id } })]);
  });

  it("explains a bad or taken slug and an empty name in words", async () => {
    await expect(admin.platform.tenants.create({ slug: "data-team", name: "Again" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("data-team"),
    });
    await expect(admin.platform.tenants.create({ slug: "Data Team!", name: "Bad" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/slug/i),
    });
    expect(await mutateOverHttp(testDb.db, adminUser, "platform.tenants.create", { slug: "fine", name: " " })).toEqual({
      status: 400,
      message: "name: Give the tenant a name, e.g. Data Team",
    });
    expect(await testDb.db.tenant.count({ where: { slug: { in: ["fine", "Data Team!"] } } })).toBe(0);
  });

  it("names every invalid quota value at once and saves nothing", async () => {
    const { id } = await admin.platform.tenants.create({ slug: "careful", name: "Careful" });
    const before = await quotaRow(id);
    const jobsBefore = await provisionJobsFor(id);

    const bad = admin.platform.tenants.setQuota({
      tenantId: id,
      quota: { cpu: "lots", memory: "-1Gi", gpus: -1, pods: 0, maxConcurrentTasks: 1 },
    });
    await expect(bad).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const message = await bad.catch((e: Error) => e.message);
    expect(message).toMatch(/^Invalid quota: cpu: /);
    for (const field of ["cpu", "memory", "gpus", "pods"]) expect(message).toContain(`${field}:`);
    expect(message).toContain('"500m"');
    expect(message).not.toMatch(/[{[]/);

    const overHttp = (input: unknown) => mutateOverHttp(testDb.db, adminUser, "platform.tenants.setQuota", input);
    expect(await overHttp({ tenantId: id, quota: { ...ROOMY, gpus: "two" } })).toEqual({
      status: 400,
      message: "quota.gpus: GPUs must be a whole number, e.g. 0 or 2",
    });
    expect(await overHttp({ tenantId: "careful", quota: ROOMY })).toEqual({
      status: 400,
      message: "tenantId: Pick a tenant (its id is a UUID)",
    });
    expect(await overHttp({ tenantId: id, quota: { ...ROOMY, cpu: "lots" } })).toEqual({
      status: 400,
      message: 'Invalid quota: cpu: must be a Kubernetes quantity greater than 0, e.g. "4" or "500m"',
    });

    expect(await quotaRow(id)).toEqual(before);
    expect(await provisionJobsFor(id)).toEqual(jobsBefore);
  });

  it("saves a valid quota and enqueues provision_tenant to apply it to the namespace", async () => {
    const { id } = await admin.platform.tenants.create({ slug: "roomy", name: "Roomy" });
    const saved = await admin.platform.tenants.setQuota({
      tenantId: id,
      quota: { cpu: "4", memory: "16Gi", gpus: 2, pods: 30, maxConcurrentTasks: 10 },
    });
    expect(saved).toEqual({ cpu: "4", memory: "16Gi", gpus: 2, pods: 30, maxConcurrentTasks: 10 });
    expect(await quotaRow(id)).toEqual({ quotaCpu: "4", quotaMemory: "16Gi", quotaGpus: 2, quotaPods: 30, maxConcurrentTasks: 10 });
    expect((await admin.platform.tenants.list()).find((t) => t.id === id)?.quota).toEqual(saved);
    expect(await provisionJobsFor(id)).toEqual([expect.objectContaining({ payload: { tenantId: id } })]);
  });

  it("admits a task waiting for quota as soon as the limit is raised", async () => {
    const { id, slug } = await admin.platform.tenants.create({ slug: "crunch", name: "Crunch" });
    await admin.platform.tenants.setQuota({ tenantId: id, quota: { ...ROOMY, maxConcurrentTasks: 1 } });
    const upload = await admin.dags.upload({ tenantSlug: slug, fileName: "pair.yaml", source: PARALLEL_DAG });
    expect(upload.ok).toBe(true);
    const run = await admin.dags.trigger({ tenantSlug: slug, dagId: "parallel_pair" });
    await evaluateRun(testDb.db, run.id);

    const states = async () =>
      (await testDb.db.taskInstance.findMany({ where: { dagRunId: run.id } }))
        .map((ti) => [ti.state, ti.message] as const)
        .sort(([a], [b]) => a.localeCompare(b));
    expect(await states()).toEqual([
      ["QUEUED", null],
      ["SCHEDULED", "waiting for quota: 1/1 concurrent tasks"],
    ]);
    expect((await admin.platform.tenants.list()).find((t) => t.id === id)).toMatchObject({
      used: { tasks: 1, pods: 1 },
      waitingForQuota: 1,
    });

    await admin.platform.tenants.setQuota({ tenantId: id, quota: { ...ROOMY, maxConcurrentTasks: 2 } });
    expect((await states()).map(([state]) => state)).toEqual(["QUEUED", "QUEUED"]);
    expect((await admin.platform.tenants.list()).find((t) => t.id === id)).toMatchObject({
      used: { tasks: 2 },
      waitingForQuota: 0,
    });
  });

  it("deletes a tenant only when the admin types its slug, then deprovisions its namespace", async () => {
    const { id } = await admin.platform.tenants.create({ slug: "doomed", name: "Doomed" });
    await expect(admin.platform.tenants.delete({ tenantId: id, confirmSlug: "doome" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'Type the tenant\'s slug "doomed" exactly to confirm deleting it; nothing was deleted.',
    });
    expect(await testDb.db.tenant.count({ where: { id } })).toBe(1);
    expect(await pendingJobs(testDb.db, "deprovision_tenant")).toEqual([]);

    expect(await admin.platform.tenants.delete({ tenantId: id, confirmSlug: "doomed" })).toEqual({ slug: "doomed" });
    expect(await testDb.db.tenant.count({ where: { id } })).toBe(0);
    expect(await pendingJobs(testDb.db, "deprovision_tenant")).toEqual([
      expect.objectContaining({ key: "deprovision_tenant:doomed", payload: { slug: "doomed" } }),
    ]);
    expect((await admin.platform.tenants.list()).map((t) => t.slug)).not.toContain("doomed");
  });

  it("re-provisions a tenant's namespace on request, and says when the tenant is gone", async () => {
    const { id } = await admin.platform.tenants.create({ slug: "again", name: "Again" });
    await clearJobs(testDb.db);
    await admin.platform.tenants.reprovision({ tenantId: id });
    expect(await provisionJobsFor(id)).toEqual([expect.objectContaining({ payload: { tenantId: id } })]);

    await expect(admin.platform.tenants.reprovision({ tenantId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admin.platform.tenants.setQuota({ tenantId: randomUUID(), quota: ROOMY })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
