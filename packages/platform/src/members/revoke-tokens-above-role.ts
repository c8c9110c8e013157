import type { Role, Tx } from "@updraft/db";
import { ROLE_RANK } from "@updraft/domain/roles";

/**
 * Keeps "a token's role is at most its creator's role" true after a member is
 * demoted (maxRole) or removed (maxRole null): their stronger active tokens
 * are revoked. Returns how many.
 */
export async function revokeTokensAboveRole(
  tx: Tx,
  input: { tenantId: string; userId: string; maxRole: Role | null; now: Date },
): Promise<number> {
  const roles = (Object.keys(ROLE_RANK) as Role[]).filter((r) => input.maxRole === null || ROLE_RANK[r] > ROLE_RANK[input.maxRole]);
  if (roles.length === 0) return 0;
  const { count } = await tx.apiToken.updateMany({
    where: { tenantId: input.tenantId, createdById: input.userId, revokedAt: null, role: { in: roles } },
    data: { revokedAt: input.now },
  });
  return count;
}
