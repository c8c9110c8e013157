import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";

const testDb = useTestDatabase();

describe("pools", () => {
  const tenantSlug = "soylent";
  let admin: Awaited<ReturnType<typeof memberWithRole>>["caller"];
  let viewer: Awaited<ReturnType<typeof memberWithRole>>["caller"];

  beforeAll(async () => {
    ({ caller: admin } = await memberWithRole(testDb.db, tenantSlug, "ADMIN"));
    ({ caller: viewer } = await memberWithRole(testDb.db, tenantSlug, "VIEWER"));
  });

  it("always lists default_pool with 128 slots", async () => {
    const pools = await viewer.pools.list({ tenantSlug });
    expect(pools).toEqual([
      expect.objectContaining({ name: "default_pool", slots: 128, running: 0, queued: 0, scheduled: 0, implicit: true }),
    ]);
  });

  it("lets an ADMIN create, edit and delete a pool", async () => {
    expect(await admin.pools.upsert({ tenantSlug, name: "gpu", slots: 2, description: "Two A100s" })).toEqual({
      name: "gpu",
      slots: 2,
      description: "Two A100s",
    });
    await admin.pools.upsert({ tenantSlug, name: "gpu", slots: 4, description: "Four A100s" });
    const gpu = (await viewer.pools.list({ tenantSlug })).find((p) => p.name === "gpu");
    expect(gpu).toMatchObject({ slots: 4, description: "Four A100s", implicit: false });

    await admin.pools.delete({ tenantSlug, name: "gpu" });
    expect((await viewer.pools.list({ tenantSlug })).map((p) => p.name)).toEqual(["default_pool"]);
  });

  it("edits default_pool but refuses to delete it", async () => {
    await admin.pools.upsert({ tenantSlug, name: "default_pool", slots: 16 });
    expect((await viewer.pools.list({ tenantSlug })).find((p) => p.name === "default_pool")?.slots).toBe(16);
    await expect(admin.pools.delete({ tenantSlug, name: "default_pool" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("default_pool"),
    });
  });

  it("explains bad names and slot counts", async () => {
    await expect(admin.pools.upsert({ tenantSlug, name: "GPU pool", slots: 2 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("a-z, 0-9"),
    });
    await expect(admin.pools.upsert({ tenantSlug, name: "gpu", slots: -1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("negative"),
    });
  });

  it("refuses roles below ADMIN", async () => {
    const { caller: operator } = await memberWithRole(testDb.db, tenantSlug, "OPERATOR");
    await expect(operator.pools.upsert({ tenantSlug, name: "io", slots: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("ADMIN"),
    });
    await expect(viewer.pools.delete({ tenantSlug, name: "default_pool" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await viewer.pools.list({ tenantSlug })).map((p) => p.name)).not.toContain("io");
  });

  it("keeps pools per tenant", async () => {
    await admin.pools.upsert({ tenantSlug, name: "shared_name", slots: 3 });
    const other = await memberWithRole(testDb.db, "initrode", "OWNER");
    expect((await other.caller.pools.list({ tenantSlug: "initrode" })).map((p) => p.name)).toEqual(["default_pool"]);
    await expect(other.caller.pools.list({ tenantSlug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await other.caller.pools.upsert({ tenantSlug: "initrode", name: "shared_name", slots: 9 });
    await expect(other.caller.pools.delete({ tenantSlug: "initrode", name: "gpu_never_made" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: 'There is no pool "gpu_never_made" in this tenant.',
    });
    expect((await viewer.pools.list({ tenantSlug })).find((p) => p.name === "shared_name")?.slots).toBe(3);
  });
});
