import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { platformRouter } from "../platform/platform-router";
import { callerFor, memberWithRole, type Caller } from "../test-support/api-callers";
import { pendingJobs } from "../test-support/pending-jobs";

const testDb = useTestDatabase();

/**
 * One call per platform procedure, with valid input. A procedure added to the
 * platform router without a case here fails "has a case for every procedure".
 */
function platformCalls(tenantId: string): Record<string, (caller: Caller) => Promise<unknown>> {
  return {
    "tenants.list": (c) => c.platform.tenants.list(),
    "tenants.create": (c) => c.platform.tenants.create({ slug: "sneaky", name: "Sneaky" }),
    "tenants.setQuota": (c) =>
      c.platform.tenants.setQuota({
        tenantId,
        quota: { cpu: "1000", memory: "1Ti", gpus: 8, pods: 1000, maxConcurrentTasks: 1000 },
      }),
    "tenants.delete": (c) => c.platform.tenants.delete({ tenantId, confirmSlug: "acme" }),
    "tenants.reprovision": (c) => c.platform.tenants.reprovision({ tenantId }),
  };
}

describe("platform administration is for platform admins only", () => {
  let tenantId: string;
  let owner: Caller;

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    // The strongest tenant role is still not a platform admin.
    const member = await memberWithRole(testDb.db, "acme", "OWNER");
    tenantId = member.tenant.id;
    owner = member.caller;
  });

  it("has a case for every procedure of the platform router", () => {
    const procedures = Object.keys(platformRouter._def.procedures).sort();
    expect(procedures.length).toBeGreaterThan(0);
    expect(Object.keys(platformCalls(tenantId)).sort()).toEqual(procedures);
  });

  it("refuses a tenant owner who is not a platform admin, on every procedure, and changes nothing", async () => {
    const before = await testDb.db.tenant.findMany({ orderBy: { slug: "asc" } });
    for (const [name, call] of Object.entries(platformCalls(tenantId))) {
      await expect(call(owner), name).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Only platform admins can manage tenants and quotas.",
      });
    }
    expect(await testDb.db.tenant.findMany({ orderBy: { slug: "asc" } })).toEqual(before);
    expect(await pendingJobs(testDb.db, "provision_tenant")).toEqual([]);
    expect(await pendingJobs(testDb.db, "deprovision_tenant")).toEqual([]);
  });

  it("asks signed-out callers to sign in, on every procedure", async () => {
    const anonymous = callerFor(testDb.db, null);
    for (const [name, call] of Object.entries(platformCalls(randomUUID()))) {
      await expect(call(anonymous), name).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    }
  });
});
