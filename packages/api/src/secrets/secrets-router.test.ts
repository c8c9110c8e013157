import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole, type Caller } from "../test-support/api-callers";

const testDb = useTestDatabase();
const tenantSlug = "initrode";
const VALUE = "sk_live_5up3r-s3cret";

describe("secrets router", () => {
  let admin: Caller;
  let viewer: Caller;
  let tenantId: string;

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    const member = await memberWithRole(testDb.db, tenantSlug, "ADMIN");
    admin = member.caller;
    tenantId = member.tenant.id;
    ({ caller: viewer } = await memberWithRole(testDb.db, tenantSlug, "VIEWER"));
  });

  it("lets an ADMIN set and delete secrets; everyone sees names, nobody sees values", async () => {
    const set = await admin.secrets.set({ tenantSlug, name: "stripe_key", value: VALUE, description: "Billing" });
    expect(set).toMatchObject({ name: "stripe_key", description: "Billing", envName: "STRIPE_KEY" });
    const listed = await viewer.secrets.list({ tenantSlug });
    expect(listed).toEqual([expect.objectContaining({ name: "stripe_key", updatedAt: expect.any(Date) })]);
    expect(JSON.stringify([set, listed])).not.toContain(VALUE);

    const raw = await testDb.db.$queryRaw<{ value_encrypted: string }[]>`SELECT value_encrypted FROM secrets`;
    expect(raw[0]?.value_encrypted).not.toContain(VALUE);

    await admin.secrets.delete({ tenantSlug, name: "stripe_key" });
    expect(await viewer.secrets.list({ tenantSlug })).toEqual([]);
    const events = await testDb.db.auditEvent.findMany({ where: { tenantId, targetType: "secret" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.target])).toEqual([
      ["secret.set", "stripe_key"],
      ["secret.delete", "stripe_key"],
    ]);
    expect(JSON.stringify(events.map((e) => ({ ...e, id: String(e.id) })))).not.toContain(VALUE);
  });

  it("refuses AUTHORs and below (FORBIDDEN) and explains bad input", async () => {
    const { caller: author } = await memberWithRole(testDb.db, tenantSlug, "AUTHOR");
    await expect(author.secrets.set({ tenantSlug, name: "x_key", value: VALUE })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("ADMIN"),
    });
    await expect(viewer.secrets.delete({ tenantSlug, name: "x_key" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.secrets.set({ tenantSlug, name: "Bad-Name", value: VALUE })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Secret names are 1-200 characters"),
    });
    await expect(admin.secrets.delete({ tenantSlug, name: "never_set" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: 'There is no secret "never_set" in this tenant.',
    });
    expect(await testDb.db.secret.count()).toBe(0);
  });

  it("keeps secrets per tenant", async () => {
    await admin.secrets.set({ tenantSlug, name: "shared_name", value: "initrode-value" });
    const other = await memberWithRole(testDb.db, "vandelay", "OWNER");
    expect(await other.caller.secrets.list({ tenantSlug: "vandelay" })).toEqual([]);
    await expect(other.caller.secrets.list({ tenantSlug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.secrets.delete({ tenantSlug: "vandelay", name: "shared_name" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await viewer.secrets.list({ tenantSlug })).map((s) => s.name)).toEqual(["shared_name"]);
  });
});
