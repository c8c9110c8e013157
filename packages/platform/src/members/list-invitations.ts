import type { DbOrTx } from "@updraft/db";
import { invitationView, type InvitationView } from "./invitation-view";

/** Invitations neither accepted nor revoked (expired ones included, marked "expired"), newest first. */
export async function listPendingInvitations(db: DbOrTx, tenantId: string, now: Date = new Date()): Promise<InvitationView[]> {
  const rows = await db.invitation.findMany({
    where: { tenantId, acceptedAt: null, revokedAt: null },
    include: { invitedBy: { select: { email: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => invitationView(row, now));
}
