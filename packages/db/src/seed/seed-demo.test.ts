import { describe, expect, it } from "vitest";
import { createUser } from "../factories/create-user";
import { verifyPassword } from "../passwords";
import { useTestDatabase } from "../testing";
import { seedDemo } from "./seed-demo";

const database = useTestDatabase();

describe("seedDemo", () => {
  it("creates the acme tenant and a platform admin who owns it, and returns the generated password", async () => {
    const { db } = database;
    const result = await seedDemo(db);

    expect(result.createdAdmin).toBe(true);
    expect(result.tenant).toMatchObject({ slug: "acme", name: "Acme Data", quotaGpus: 1 });
    expect(result.admin).toMatchObject({ email: "admin@updraft.local", isPlatformAdmin: true });
    expect(result.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await verifyPassword(result.admin.passwordHash!, result.password!)).toBe(true);
    const membership = await db.membership.findUniqueOrThrow({
      where: { userId_tenantId: { userId: result.admin.id, tenantId: result.tenant.id } },
    });
    expect(membership.role).toBe("OWNER");
  });

  it("changes nothing and reveals no password when run again", async () => {
    const { db } = database;
    const before = await Promise.all([db.user.findMany(), db.tenant.count(), db.membership.count()]);

    const again = await seedDemo(db);

    expect(again.createdAdmin).toBe(false);
    expect(again.password).toBeUndefined();
    expect(again.admin.email).toBe("admin@updraft.local");
    expect(await Promise.all([db.user.findMany(), db.tenant.count(), db.membership.count()])).toEqual(before);
  });

  it("uses the admin e-mail and password it is given", async () => {
    const { db } = database;
    const result = await seedDemo(db, { adminEmail: " Ops@Example.COM ", adminPassword: "a-long-password" });

    expect(result.createdAdmin).toBe(true);
    expect(result.admin.email).toBe("ops@example.com");
    expect(result.password).toBe("a-long-password");
    expect(await verifyPassword(result.admin.passwordHash!, "a-long-password")).toBe(true);
    expect(await db.tenant.count({ where: { slug: "acme" } })).toBe(1);
  });

  it("leaves an existing user with the admin e-mail untouched", async () => {
    const { db } = database;
    const existing = await createUser(db, { email: "someone@example.com", password: "their-password" });

    const result = await seedDemo(db, { adminEmail: "someone@example.com" });

    expect(result).toMatchObject({ createdAdmin: false, admin: { id: existing.id, isPlatformAdmin: false } });
    expect(result.password).toBeUndefined();
    expect(await db.membership.count({ where: { userId: existing.id } })).toBe(0);
  });

  it("creates one admin when two processes seed at the same time", async () => {
    const { db } = database;
    const results = await Promise.all([
      seedDemo(db, { adminEmail: "race@example.com" }),
      seedDemo(db, { adminEmail: "race@example.com" }),
    ]);

    expect(results.filter((result) => result.createdAdmin)).toHaveLength(1);
    expect(await db.user.count({ where: { email: "race@example.com" } })).toBe(1);
  });
});
