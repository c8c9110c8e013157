import { addMembership, createDb, createTenant, createUser } from "@updraft/db";

/** A tenant next to the demo tenant "acme", owned by a user who is not a platform admin. */
export const SECOND_TENANT = {
  slug: "globex",
  name: "Globex Analytics",
  ownerEmail: "e2e-globex-owner@updraft.local",
  ownerPassword: "globex-correct-horse-battery",
} as const;

export async function seedSecondTenant(databaseUrl: string): Promise<void> {
  const db = createDb(databaseUrl, { max: 1 });
  try {
    await db.$transaction(async (tx) => {
      const tenant = await createTenant(tx, { slug: SECOND_TENANT.slug, name: SECOND_TENANT.name });
      const owner = await createUser(tx, { email: SECOND_TENANT.ownerEmail, password: SECOND_TENANT.ownerPassword, name: "Globex Owner" });
      await addMembership(tx, { userId: owner.id, tenantId: tenant.id, role: "OWNER" });
    });
  } finally {
    await db.$disconnect();
  }
}
