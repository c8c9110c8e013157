import type { Role, Tx } from "@updraft/db";
import { UserError } from "@updraft/engine";
import { AccessDeniedError } from "./access-denied-error";
import { roleAtLeast } from "@updraft/domain/roles";

export const OWNERS_ONLY_MESSAGE = "Only owners can grant or remove the OWNER role, or remove an owner. Ask an owner of this tenant.";

/** Members management needs ADMIN; anything touching OWNER needs OWNER (README, design decision D10). */
export function assertMayManage(actorRole: Role, touchesOwner: boolean): void {
  if (!roleAtLeast(actorRole, "ADMIN")) {
    throw new AccessDeniedError(`Managing members needs the ADMIN role (or higher); your role is ${actorRole}.`);
  }
  if (touchesOwner && actorRole !== "OWNER") throw new AccessDeniedError(OWNERS_ONLY_MESSAGE);
}

/** Refuses to leave the tenant without an owner. Call with the tenant locked (lockTenant). */
export async function assertAnotherOwnerRemains(tx: Tx, tenantId: string, leavingUserId: string, email: string): Promise<void> {
  const others = await tx.membership.count({ where: { tenantId, role: "OWNER", userId: { not: leavingUserId } } });
  if (others === 0) {
    throw new UserError(
      `${email} is the last owner of this tenant, and a tenant always keeps at least one owner: make another member an owner first.`,
    );
  }
}

/** The actor's current role in the tenant (read inside the transaction), or a refusal. */
export async function actorRoleIn(tx: Tx, tenantId: string, actorUserId: string): Promise<Role> {
  const actor = await tx.membership.findUnique({ where: { userId_tenantId: { userId: actorUserId, tenantId } } });
  if (!actor) throw new AccessDeniedError("You are no longer a member of this tenant.");
  return actor.role;
}
