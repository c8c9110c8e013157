import type { DbOrTx, Role } from "@updraft/db";

export interface MyTenant {
  id: string;
  slug: string;
  name: string;
  role: Role;
}

/** Tenants the user is a member of, with their role, by name. */
export async function listMyTenants(db: DbOrTx, userId: string): Promise<MyTenant[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { tenant: { select: { id: true, slug: true, name: true } } },
    orderBy: { tenant: { name: "asc" } },
  });
  return memberships.map((m) => ({ id: m.tenant.id, slug: m.tenant.slug, name: m.tenant.name, role: m.role }));
}
