import { createUser } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { evaluateRun, triggerDagRun, UserError } from "@updraft/engine";
import { ensureJobQueue, clearJobs, instance, launchQueued, newTenant, pendingJobs, uploadDag } from "@updraft/engine/testing";
import { createTenant } from "./create-tenant";
import { deleteTenant } from "./delete-tenant";
import { enqueueProvisioningForAllTenants } from "./enqueue-tenant-provisioning";
import { listTenantUsage } from "./list-tenant-usage";
import { readTenantForProvisioning, readTenantQuotaBySlug } from "./read-tenant-quota";
import { recordProvisioningResult } from "./record-provisioning-result";
import { updateTenantQuota } from "./update-tenant-quota";

const t = useTestDatabase();
let ownerId: string;

beforeAll(async () => {
  await ensureJobQueue(t.url);
  ownerId = (await createUser(t.db, { email: "owner@example.com" })).id;
});

beforeEach(async () => {
  await clearJobs(t.db);
});

const QUOTA = { cpu: "4", memory: "16Gi", gpus: 0, pods: 50, maxConcurrentTasks: 20 };

async function runWithGpuTask(tenantId: string) {
  const dagDbId = await uploadDag(
    t.db,
    tenantId,
    `dag_id: train\nschedule: null\ntasks:\n  - task_id: train\n    command: ["true"]\n    resources:\n      requests: { cpu: "2", memory: 4Gi, gpu: 1 }\n`,
  );
  const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
  await evaluateRun(t.db, run.id);
  return run;
}

describe("updateTenantQuota", () => {
  it("lists every problem of an invalid quota and changes nothing", async () => {
    const tenantId = await newTenant(t.db, "invalid");
    const error = await updateTenantQuota(t.db, {
      tenantId,
      quota: { cpu: "-1", memory: "lots", gpus: -1, pods: 0, maxConcurrentTasks: 2.5 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toContain('cpu: must be a Kubernetes quantity greater than 0, e.g. "4" or "500m"');
    expect(message).toContain('memory: must be a Kubernetes quantity greater than 0, e.g. "16Gi" or "512Mi"');
    expect(message).toContain("gpus: must be a whole number of GPUs, 0 or more, e.g. 0 or 2");
    expect(message).toContain("pods: must be a whole number of pods, 1 or more, e.g. 200");
    expect(message).toContain("maxConcurrentTasks: must be a whole number of tasks from 1 to 100000, e.g. 128");
    await expect(updateTenantQuota(t.db, { tenantId, quota: { ...QUOTA, cpu: "0" } })).rejects.toThrow(/^Invalid quota: cpu: /);
    await expect(updateTenantQuota(t.db, { tenantId, quota: { cpu: "4" } })).rejects.toThrow(/memory: .*; gpus: .*; pods: .*; maxConcurrentTasks: /);
    expect(await readTenantQuotaBySlug(t.db, "invalid")).toEqual({ cpu: "32", memory: "128Gi", gpus: 0, pods: 200, maxConcurrentTasks: 128 });
    expect(await pendingJobs(t.db, "provision_tenant")).toEqual([]);
  });

  it("saves the quota, re-provisions the namespace, and admits tasks the raised quota fits at once", async () => {
    const tenantId = await newTenant(t.db, "raise");
    const run = await runWithGpuTask(tenantId);
    expect((await instance(t.db, run.id, "train")).message).toMatch(/^waiting for quota: gpu 0\/0 \(needs 1\): the tenant's quota can never fit/);

    const saved = await updateTenantQuota(t.db, { tenantId, quota: { ...QUOTA, gpus: 1 } });

    expect(saved).toEqual({ ...QUOTA, gpus: 1 });
    expect(await readTenantQuotaBySlug(t.db, "raise")).toEqual({ ...QUOTA, gpus: 1 });
    expect(await instance(t.db, run.id, "train")).toMatchObject({ state: "QUEUED", message: null });
    expect(await pendingJobs(t.db, "provision_tenant")).toEqual([
      expect.objectContaining({ key: `provision_tenant:${tenantId}`, payload: { tenantId } }),
    ]);
  });

  it("refuses an unknown tenant", async () => {
    await expect(updateTenantQuota(t.db, { tenantId: "00000000-0000-4000-8000-000000000000", quota: QUOTA })).rejects.toThrow(UserError);
    await expect(updateTenantQuota(t.db, { tenantId: "nope", quota: QUOTA })).rejects.toThrow(/no such tenant/);
  });
});

describe("createTenant and deleteTenant", () => {
  it("creates a tenant owned by its creator and asks for its namespace", async () => {
    const tenant = await createTenant(t.db, { slug: "data-team", name: " Data Team ", ownerUserId: ownerId, quota: { cpu: "8" } });

    expect(tenant.slug).toBe("data-team");
    expect(await t.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({
      name: "Data Team",
      quotaCpu: "8",
      quotaMemory: "128Gi",
      provisionedAt: null,
    });
    expect(await t.db.membership.findMany({ where: { tenantId: tenant.id } })).toEqual([
      expect.objectContaining({ userId: ownerId, role: "OWNER" }),
    ]);
    expect(await pendingJobs(t.db, "provision_tenant")).toEqual([
      expect.objectContaining({ key: `provision_tenant:${tenant.id}`, payload: { tenantId: tenant.id } }),
    ]);
  });

  it("refuses a slug in use, and invalid input with every problem", async () => {
    await createTenant(t.db, { slug: "taken", name: "Taken", ownerUserId: ownerId });
    await clearJobs(t.db);
    await expect(createTenant(t.db, { slug: "taken", name: "Again", ownerUserId: ownerId })).rejects.toThrow(
      new UserError('A tenant with the slug "taken" exists already: choose another slug.'),
    );
    const error = await createTenant(t.db, { slug: "Not A Slug", name: " ", ownerUserId: ownerId, quota: { pods: 0 } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/slug: must be lower-case letters.*; name: must not be empty.*; .*pods: must be a whole number/);
    expect(await t.db.tenant.count({ where: { slug: "taken" } })).toBe(1);
    expect(await pendingJobs(t.db)).toEqual([]);
  });

  it("deletes a tenant with its DAGs and runs, and asks for its namespace to be removed", async () => {
    const tenant = await createTenant(t.db, { slug: "gone", name: "Gone", ownerUserId: ownerId });
    await runWithGpuTask(tenant.id);
    await clearJobs(t.db);

    expect(await deleteTenant(t.db, { tenantId: tenant.id })).toEqual({ slug: "gone" });

    expect(await t.db.tenant.count({ where: { id: tenant.id } })).toBe(0);
    expect(await t.db.taskInstance.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await pendingJobs(t.db, "deprovision_tenant")).toEqual([
      expect.objectContaining({ key: "deprovision_tenant:gone", payload: { slug: "gone" } }),
    ]);
    expect(await readTenantForProvisioning(t.db, tenant.id)).toBeNull();
    await expect(deleteTenant(t.db, { tenantId: tenant.id })).rejects.toThrow(UserError);
  });
});

describe("provisioning bookkeeping", () => {
  it("reads what provisioning needs, records its outcome, and enqueues a pass for every tenant", async () => {
    const tenantId = await newTenant(t.db, "prov", { cpu: "2", memory: "8Gi" });
    expect(await readTenantForProvisioning(t.db, tenantId)).toEqual({
      slug: "prov",
      quota: { cpu: "2", memory: "8Gi", gpus: 0, pods: 200, maxConcurrentTasks: 128 },
    });

    await recordProvisioningResult(t.db, tenantId, { ok: false, error: "namespace is terminating" }, new Date("2026-01-01T00:00:00Z"));
    expect(await t.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).toMatchObject({
      provisionedAt: null,
      provisionError: "namespace is terminating",
    });
    await recordProvisioningResult(t.db, tenantId, { ok: true }, new Date("2026-01-01T00:01:00Z"));
    expect(await t.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).toMatchObject({
      provisionedAt: new Date("2026-01-01T00:01:00Z"),
      provisionError: null,
    });

    const tenants = await t.db.tenant.count();
    expect(await enqueueProvisioningForAllTenants(t.db)).toBe(tenants);
    expect(await pendingJobs(t.db, "provision_tenant")).toHaveLength(tenants);
    expect(await readTenantQuotaBySlug(t.db, "no-such-tenant")).toBeNull();
  });
});

describe("listTenantUsage", () => {
  it("shows each tenant's quota, what its queued and running tasks hold, and how many wait for quota", async () => {
    const tenant = await createTenant(t.db, {
      slug: "zz-usage",
      name: "Usage",
      ownerUserId: ownerId,
      quota: { cpu: "3", memory: "4Gi", maxConcurrentTasks: 3 },
    });
    const dagDbId = await uploadDag(
      t.db,
      tenant.id,
      `dag_id: usage\nschedule: null\ntasks:\n` +
        `  - task_id: a\n    command: ["true"]\n    resources:\n      requests: { cpu: "1.5", memory: 1Gi }\n` +
        `  - task_id: b\n    command: ["true"]\n    resources:\n      requests: { cpu: "8", memory: 1Gi }\n` +
        `  - task_id: c\n    command: ["true"]\n` +
        `  - task_id: d\n    command: ["true"]\n    resources:\n      requests: { gpu: 1 }\n`,
    );
    const run = await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run.id);
    await launchQueued(t.db, { runId: run.id });

    const usage = (await listTenantUsage(t.db)).find((u) => u.slug === "zz-usage");
    // a (1.5 cpu) runs; b is clamped to the quota (3) and does not fit beside a; c (default 250m, 256Mi) runs; d never fits.
    expect(usage).toEqual({
      id: tenant.id,
      slug: "zz-usage",
      name: "Usage",
      members: 1,
      quota: { cpu: "3", memory: "4Gi", gpus: 0, pods: 200, maxConcurrentTasks: 3 },
      used: { cpu: "1.75", memory: "1280Mi", gpus: 0, pods: 2, tasks: 2 },
      waitingForQuota: 2,
      provisionedAt: null,
      provisionError: null,
    });
    const slugs = (await listTenantUsage(t.db)).map((u) => u.slug);
    expect(slugs).toEqual([...slugs].sort());
  });
});
