import { normalizeEmail, type Db, type Role } from "@updraft/db";
import { z } from "zod";
import { UserError } from "@updraft/engine";
import { AccessDeniedError } from "./access-denied-error";
import { generateInvitationToken, hashInvitationToken, INVITATION_TTL_MS } from "./invitation-token";
import { invitationView, type InvitationView } from "./invitation-view";
import { lockTenant } from "./lock-tenant";
import { actorRoleIn, OWNERS_ONLY_MESSAGE } from "./member-rules";
import { roleAtLeast } from "@updraft/domain/roles";

const emailSchema = z.string().max(320).transform(normalizeEmail).pipe(z.email());

export interface CreatedInvitation {
  invitation: InvitationView;
  /** The secret for the link; shown to the inviter once, stored only as a hash. */
  token: string;
}

/**
 * Invites an e-mail to the tenant with a role for 7 days. Admins invite
 * anyone but owners; only owners invite owners. A pending invitation for the
 * same e-mail is replaced (revoked). Existing members are refused.
 */
export async function createInvitation(
  db: Db,
  input: { tenantId: string; actorUserId: string; email: string; role: Role },
  now: Date = new Date(),
): Promise<CreatedInvitation> {
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) throw new UserError(`"${input.email.trim()}" is not an e-mail address; enter one like ada@example.com.`);
  const email = parsed.data;
  const token = generateInvitationToken();

  return db.$transaction(async (tx) => {
    await lockTenant(tx, input.tenantId);
    const actorRole = await actorRoleIn(tx, input.tenantId, input.actorUserId);
    if (!roleAtLeast(actorRole, "ADMIN")) throw new AccessDeniedError(`Inviting members needs the ADMIN role (or higher); your role is ${actorRole}.`);
    if (input.role === "OWNER" && actorRole !== "OWNER") throw new AccessDeniedError(OWNERS_ONLY_MESSAGE);

    const member = await tx.membership.findFirst({ where: { tenantId: input.tenantId, user: { email } } });
    if (member) {
      throw new UserError(`${email} is already a member of this tenant (role ${member.role}); change their role on the Members page instead.`);
    }
    // Re-inviting replaces the pending invitation: its link stops working.
    await tx.invitation.updateMany({
      where: { tenantId: input.tenantId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const row = await tx.invitation.create({
      data: {
        tenantId: input.tenantId,
        email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedById: input.actorUserId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        createdAt: now,
      },
      include: { invitedBy: { select: { email: true } } },
    });
    return { invitation: invitationView(row, now), token };
  });
}
