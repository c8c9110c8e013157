import { createUser, normalizeEmail, type Db, type Role } from "@updraft/db";
import { MAX_ACCOUNT_NAME_LENGTH, MAX_NEW_ACCOUNT_PASSWORD, MIN_NEW_ACCOUNT_PASSWORD } from "@updraft/domain/account-rules";
import { UserError } from "@updraft/engine";
import { AccessDeniedError } from "./access-denied-error";
import { claimInvitation, requireUsableInvitation } from "./usable-invitation";

export interface AcceptedInvitation {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  /** The role the user now has in the tenant. */
  role: Role;
  userId: string;
  email: string;
}

export { MIN_NEW_ACCOUNT_PASSWORD };

/**
 * A signed-in user accepts an invitation addressed to their e-mail (any case).
 * Expired, withdrawn, used and someone else's invitations are refused with a
 * message saying so, and nothing changes.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; user: { id: string; email: string } },
  now: Date = new Date(),
): Promise<AcceptedInvitation> {
  return db.$transaction(async (tx) => {
    const row = await requireUsableInvitation(tx, input.token, now);
    const email = normalizeEmail(input.user.email);
    if (email !== row.email) {
      throw new AccessDeniedError(
        `This invitation is for ${row.email}, but you are signed in as ${email}. Sign out and sign in as ${row.email} (or create that account on this page), then open the link again.`,
      );
    }
    const { role } = await claimInvitation(tx, row, input.user.id, now);
    return { tenantId: row.tenantId, tenantSlug: row.tenant.slug, tenantName: row.tenant.name, role, userId: input.user.id, email };
  });
}

/**
 * Someone without an account accepts: the account is created with the
 * invitation's e-mail, their name and a password of at least 12 characters,
 * and joins the tenant. All or nothing.
 */
export async function acceptInvitationWithNewAccount(
  db: Db,
  input: { token: string; name: string; password: string },
  now: Date = new Date(),
): Promise<AcceptedInvitation> {
  const name = input.name.trim();
  if (name === "" || name.length > MAX_ACCOUNT_NAME_LENGTH) {
    throw new UserError(`Enter your name (at most ${MAX_ACCOUNT_NAME_LENGTH} characters).`);
  }
  if (input.password.length < MIN_NEW_ACCOUNT_PASSWORD) {
    throw new UserError(`Choose a password of at least ${MIN_NEW_ACCOUNT_PASSWORD} characters.`);
  }
  if (input.password.length > MAX_NEW_ACCOUNT_PASSWORD) {
    throw new UserError(`Choose a password of at most ${MAX_NEW_ACCOUNT_PASSWORD} characters.`);
  }
  return db.$transaction(async (tx) => {
    const row = await requireUsableInvitation(tx, input.token, now);
    const existing = await tx.user.findUnique({ where: { email: row.email }, select: { id: true } });
    if (existing) {
      throw new UserError(`An account for ${row.email} already exists. Sign in as ${row.email}, then open this link again to accept.`);
    }
    const user = await createUser(tx, { email: row.email, name, password: input.password });
    const { role } = await claimInvitation(tx, row, user.id, now);
    return { tenantId: row.tenantId, tenantSlug: row.tenant.slug, tenantName: row.tenant.name, role, userId: user.id, email: user.email };
  });
}
