import type { Tx } from "@updraft/db";
import { lockTenant } from "./lock-tenant";
import { actorRoleIn, assertMayManage } from "./member-rules";

/**
 * Locks the tenant, reads the member (with their e-mail) and checks that the
 * actor may manage them: ADMIN at least, OWNER when the member is an owner or
 * the change grants OWNER. Null when the user is not a member of the tenant.
 */
export async function lockManagedMember(
  tx: Tx,
  input: { tenantId: string; actorUserId: string; userId: string },
  grantsOwner = false,
) {
  await lockTenant(tx, input.tenantId);
  const target = await tx.membership.findUnique({
    where: { userId_tenantId: { userId: input.userId, tenantId: input.tenantId } },
    include: { user: { select: { email: true } } },
  });
  if (!target) return null;
  const actorRole = await actorRoleIn(tx, input.tenantId, input.actorUserId);
  assertMayManage(actorRole, target.role === "OWNER" || grantsOwner);
  return target;
}
