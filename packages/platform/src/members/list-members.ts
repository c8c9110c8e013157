import type { DbOrTx, Role } from "@updraft/db";
import { ROLE_RANK } from "@updraft/domain/roles";

export interface MemberView {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
}

/** The tenant's members, strongest role first, then by e-mail. */
export async function listMembers(db: DbOrTx, tenantId: string): Promise<MemberView[]> {
  const rows = await db.membership.findMany({
    where: { tenantId },
    include: { user: { select: { email: true, name: true } } },
  });
  return rows
    .map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt }))
    .sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role] || a.email.localeCompare(b.email));
}
