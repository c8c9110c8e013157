import type { Db, Role } from "@updraft/db";
import { AccessDeniedError } from "../members/access-denied-error";
import { isApiTokenLifetime, MAX_API_TOKEN_DAYS } from "@updraft/domain/api-token-expiry";
import { roleAtLeast } from "@updraft/domain/roles";
import { UserError } from "@updraft/engine";
import { API_TOKEN_PREFIX_LENGTH, generateApiToken, hashApiToken } from "./api-token-format";
import { apiTokenView, type ApiTokenView } from "./api-token-view";

export { MAX_API_TOKEN_DAYS };
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CreatedApiToken {
  /** The token itself: shown once, stored only as a hash. */
  token: string;
  apiToken: ApiTokenView;
}

/**
 * A new API token for the tenant with a role (at most the creator's) that
 * expires after 1 to MAX_API_TOKEN_DAYS days. Names are unique among the tenant's usable tokens
 * (audit events name the token).
 */
export async function createApiToken(
  db: Db,
  input: { tenantId: string; creatorUserId: string; name: string; role: Role; expiresInDays: number },
  now: Date = new Date(),
): Promise<CreatedApiToken> {
  const name = input.name.trim();
  if (name === "" || name.length > 100) throw new UserError("Give the token a name of 1 to 100 characters, e.g. ci-deploy.");
  if (!isApiTokenLifetime(input.expiresInDays)) {
    throw new UserError(`A token expires after 1 to ${MAX_API_TOKEN_DAYS} days (a whole number); got ${input.expiresInDays}.`);
  }
  const creator = await db.membership.findUnique({ where: { userId_tenantId: { userId: input.creatorUserId, tenantId: input.tenantId } } });
  if (!creator) throw new AccessDeniedError("You are not a member of this tenant.");
  if (!roleAtLeast(creator.role, input.role)) {
    throw new AccessDeniedError(
      `A token's role can be at most your own role (${creator.role}); pick ${creator.role} or a lower role than ${input.role}.`,
    );
  }
  const clash = await db.apiToken.findFirst({
    where: { tenantId: input.tenantId, name, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (clash) throw new UserError(`There is already a token named "${name}"; pick another name or revoke that token first.`);

  const token = generateApiToken();
  const row = await db.apiToken.create({
    data: {
      tenantId: input.tenantId,
      name,
      role: input.role,
      tokenHash: hashApiToken(token),
      tokenPrefix: token.slice(0, API_TOKEN_PREFIX_LENGTH),
      createdById: input.creatorUserId,
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
      createdAt: now,
    },
    include: { createdBy: { select: { email: true } } },
  });
  return { token, apiToken: apiTokenView(row, now) };
}
