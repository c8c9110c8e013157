import type { DbOrTx, Role } from "@updraft/db";
import { findInvitationByToken, invitationProblem, INVALID_INVITATION_MESSAGE } from "./usable-invitation";
import { invitationState, type InvitationState } from "./invitation-view";

export type InvitationInspection =
  | { state: "invalid"; message: string }
  | {
      state: InvitationState;
      tenantName: string;
      tenantSlug: string;
      email: string;
      role: Role;
      expiresAt: Date;
      /** Whether an account with this e-mail exists (sign in) or not (create one on the invite page). */
      hasAccount: boolean;
      /** Why it cannot be accepted; null while pending. */
      message: string | null;
    };

/** What the invite page shows for a link's token. Changes nothing. */
export async function inspectInvitation(db: DbOrTx, token: string, now: Date = new Date()): Promise<InvitationInspection> {
  const row = await findInvitationByToken(db, token);
  if (!row) return { state: "invalid", message: INVALID_INVITATION_MESSAGE };
  const account = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return {
    state: invitationState(row, now),
    tenantName: row.tenant.name,
    tenantSlug: row.tenant.slug,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
    hasAccount: account !== null,
    message: invitationProblem(row, now),
  };
}
