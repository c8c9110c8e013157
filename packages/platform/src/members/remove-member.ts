import type { Db, Role } from "@updraft/db";
import { lockManagedMember } from "./managed-member";
import { assertAnotherOwnerRemains } from "./member-rules";
import { revokeTokensAboveRole } from "./revoke-tokens-above-role";

export interface RemovedMember {
  userId: string;
  email: string;
  role: Role;
  /** The member's API tokens of this tenant, revoked with them. */
  tokensRevoked: number;
}

/**
 * Removes a member from the tenant (their account stays). Admins remove
 * anyone but owners; only owners remove owners; the last owner stays. Null
 * when the user is not a member of this tenant.
 */
export async function removeMember(
  db: Db,
  input: { tenantId: string; actorUserId: string; userId: string },
  now: Date = new Date(),
): Promise<RemovedMember | null> {
  return db.$transaction(async (tx) => {
    const target = await lockManagedMember(tx, input);
    if (!target) return null;
    if (target.role === "OWNER") await assertAnotherOwnerRemains(tx, input.tenantId, target.userId, target.user.email);
    await tx.membership.delete({ where: { id: target.id } });
    const tokensRevoked = await revokeTokensAboveRole(tx, { tenantId: input.tenantId, userId: target.userId, maxRole: null, now });
    return { userId: target.userId, email: target.user.email, role: target.role, tokensRevoked };
  });
}
