import type { Db, Role } from "@updraft/db";
import { lockManagedMember } from "./managed-member";
import { assertAnotherOwnerRemains } from "./member-rules";
import { revokeTokensAboveRole } from "./revoke-tokens-above-role";

export interface MemberRoleChange {
  userId: string;
  email: string;
  previousRole: Role;
  role: Role;
  /** The member's API tokens revoked because they were stronger than the new role. */
  tokensRevoked: number;
}

/**
 * Gives a member another role. Admins manage everyone but owners; only owners
 * grant or take away OWNER; the last owner keeps it. Null when the user is
 * not a member of this tenant.
 */
export async function changeMemberRole(
  db: Db,
  input: { tenantId: string; actorUserId: string; userId: string; role: Role },
  now: Date = new Date(),
): Promise<MemberRoleChange | null> {
  return db.$transaction(async (tx) => {
    const target = await lockManagedMember(tx, input, input.role === "OWNER");
    if (!target) return null;
    if (target.role === input.role) {
      return { userId: target.userId, email: target.user.email, previousRole: target.role, role: input.role, tokensRevoked: 0 };
    }
    if (target.role === "OWNER") await assertAnotherOwnerRemains(tx, input.tenantId, target.userId, target.user.email);
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    const tokensRevoked = await revokeTokensAboveRole(tx, { tenantId: input.tenantId, userId: target.userId, maxRole: input.role, now });
    return { userId: target.userId, email: target.user.email, previousRole: target.role, role: input.role, tokensRevoked };
  });
}
