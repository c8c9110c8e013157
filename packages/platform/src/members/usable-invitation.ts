import type { DbOrTx, Invitation, Role, Tenant } from "@updraft/db";
import { UserError } from "@updraft/engine";
import { formatInvitationDate, hashInvitationToken } from "./invitation-token";
import { invitationState } from "./invitation-view";
import { roleAtLeast } from "@updraft/domain/roles";

export const INVALID_INVITATION_MESSAGE =
  "This invitation link is not valid: check that you copied the whole link, or ask a tenant admin for a new invitation.";

export type InvitationWithTenant = Invitation & { tenant: Pick<Tenant, "id" | "slug" | "name"> };

/** The invitation behind a link's token, or null. */
export async function findInvitationByToken(db: DbOrTx, token: string): Promise<InvitationWithTenant | null> {
  if (typeof token !== "string" || token.trim() === "" || token.length > 200) return null;
  return db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { tenant: { select: { id: true, slug: true, name: true } } },
  });
}

/** Why an invitation cannot be accepted, in words for the invitee; null when it can. */
export function invitationProblem(row: InvitationWithTenant, now: Date): string | null {
  const ask = `Ask an admin of ${row.tenant.name} for a new invitation.`;
  switch (invitationState(row, now)) {
    case "accepted":
      return `This invitation was already used on ${formatInvitationDate(row.acceptedAt ?? now)}. Sign in as ${row.email} to open ${row.tenant.name}.`;
    case "revoked":
      return `This invitation was withdrawn on ${formatInvitationDate(row.revokedAt ?? now)} (revoked, or replaced by a newer invitation). ${ask}`;
    case "expired":
      return `This invitation expired on ${formatInvitationDate(row.expiresAt)}. ${ask}`;
    case "pending":
      return null;
  }
}

/** The invitation behind the token when it can still be accepted; otherwise a UserError saying why. */
export async function requireUsableInvitation(db: DbOrTx, token: string, now: Date): Promise<InvitationWithTenant> {
  const row = await findInvitationByToken(db, token);
  if (!row) throw new UserError(INVALID_INVITATION_MESSAGE);
  const problem = invitationProblem(row, now);
  if (problem) throw new UserError(problem);
  return row;
}

/**
 * Marks the invitation used by `userId` and gives them the membership (a
 * member already holding a stronger role keeps it). Throws when another
 * request used it first, so it is used once.
 */
export async function claimInvitation(
  tx: DbOrTx,
  row: InvitationWithTenant,
  userId: string,
  now: Date,
): Promise<{ role: Role }> {
  const { count } = await tx.invitation.updateMany({
    where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: userId },
  });
  if (count !== 1) throw new UserError("This invitation was just used or withdrawn. Reload the page to see its state.");
  const existing = await tx.membership.findUnique({ where: { userId_tenantId: { userId, tenantId: row.tenantId } } });
  if (existing) {
    if (roleAtLeast(existing.role, row.role)) return { role: existing.role };
    await tx.membership.update({ where: { id: existing.id }, data: { role: row.role } });
    return { role: row.role };
  }
  await tx.membership.create({ data: { userId, tenantId: row.tenantId, role: row.role, createdAt: now } });
  return { role: row.role };
}
