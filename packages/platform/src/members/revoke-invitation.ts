import type { Db } from "@updraft/db";
import { UserError } from "@updraft/engine";
import { invitationView, type InvitationView } from "./invitation-view";

/**
 * Withdraws an invitation: its link stops working. Revoking twice is fine;
 * an accepted one cannot be revoked (remove the member instead). Null when
 * the invitation is not this tenant's.
 */
export async function revokeInvitation(
  db: Db,
  input: { tenantId: string; invitationId: string },
  now: Date = new Date(),
): Promise<InvitationView | null> {
  const row = await db.invitation.findFirst({ where: { id: input.invitationId, tenantId: input.tenantId } });
  if (!row) return null;
  if (row.acceptedAt) {
    throw new UserError(`The invitation for ${row.email} was already accepted; remove the member on the Members page instead.`);
  }
  if (!row.revokedAt) await db.invitation.updateMany({ where: { id: row.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const updated = await db.invitation.findUniqueOrThrow({ where: { id: row.id }, include: { invitedBy: { select: { email: true } } } });
  return invitationView(updated, now);
}
