import { describe, expect, it } from "vitest";
import { verifyPassword } from "../passwords";
import { useTestDatabase } from "../testing";
import { addMembership } from "./add-membership";
import { createTenant } from "./create-tenant";
import { createUser } from "./create-user";

const database = useTestDatabase();

describe("factories", () => {
  it("createUser stores the e-mail normalised and the password hashed", async () => {
    const user = await createUser(database.db, { email: "  Ada@Example.COM", password: "analytical", name: "Ada" });

    expect(user).toMatchObject({ email: "ada@example.com", name: "Ada", isPlatformAdmin: false });
    expect(user.passwordHash).not.toContain("analytical");
    expect(await verifyPassword(user.passwordHash!, "analytical")).toBe(true);
    expect((await createUser(database.db, { email: "nopassword@example.com" })).passwordHash).toBeNull();
  });

  it("createUser explains invalid input", async () => {
    const error: Error = await createUser(database.db, { email: "not-an-email", password: "short" }).catch((e) => e);
    expect(error.message).toMatch(/^Invalid user:/);
    expect(error.message).toMatch(/must be an e-mail address like ada@example.com\s+→ at email/);
    expect(error.message).toMatch(/must be at least 8 characters\s+→ at password/);
  });

  it("createTenant accepts DNS-label slugs only and defaults the name to the slug", async () => {
    expect(await createTenant(database.db, { slug: "data-team" })).toMatchObject({ slug: "data-team", name: "data-team" });
    await expect(createTenant(database.db, { slug: "Data Team" })).rejects.toThrow(
      /Invalid tenant:[\s\S]*lower-case letters, digits and hyphens[\s\S]*→ at slug/,
    );
  });

  it("createTenant takes the default quota unless told otherwise", async () => {
    expect(await createTenant(database.db, { slug: "defaults" })).toMatchObject({
      quotaCpu: "32",
      quotaMemory: "128Gi",
      quotaGpus: 0,
      quotaPods: 200,
      maxConcurrentTasks: 128,
    });
    expect(
      await createTenant(database.db, { slug: "small", quota: { cpu: "2", memory: "4Gi", gpus: 1, pods: 5, maxConcurrentTasks: 3 } }),
    ).toMatchObject({ quotaCpu: "2", quotaMemory: "4Gi", quotaGpus: 1, quotaPods: 5, maxConcurrentTasks: 3 });
    await expect(createTenant(database.db, { slug: "bad", quota: { cpu: "lots" } })).rejects.toThrow(/Kubernetes quantity[\s\S]*→ at quota.cpu/);
  });

  it("addMembership adds a member and changes the role of an existing one", async () => {
    const user = await createUser(database.db, { email: "grace@example.com" });
    const tenant = await createTenant(database.db, { slug: "navy", name: "Navy" });

    await addMembership(database.db, { userId: user.id, tenantId: tenant.id, role: "VIEWER" });
    await addMembership(database.db, { userId: user.id, tenantId: tenant.id, role: "AUTHOR" });

    const memberships = await database.db.membership.findMany({ where: { userId: user.id } });
    expect(memberships.map((membership) => membership.role)).toEqual(["AUTHOR"]);
    await expect(
      addMembership(database.db, { userId: user.id, tenantId: tenant.id, role: "SUPERUSER" as never }),
    ).rejects.toThrow(/Invalid membership:[\s\S]*→ at role/);
  });
});
