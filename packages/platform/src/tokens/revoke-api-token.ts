import type { DbOrTx } from "@updraft/db";
import { apiTokenView, type ApiTokenView } from "./api-token-view";

/** Revokes the tenant's token (again is fine); later requests with it get 401. Null when it is not this tenant's. */
export async function revokeApiToken(
  db: DbOrTx,
  input: { tenantId: string; tokenId: string },
  now: Date = new Date(),
): Promise<ApiTokenView | null> {
  const { count } = await db.apiToken.updateMany({
    where: { id: input.tokenId, tenantId: input.tenantId, revokedAt: null },
    data: { revokedAt: now },
  });
  const row = await db.apiToken.findFirst({
    where: { id: input.tokenId, tenantId: input.tenantId },
    include: { createdBy: { select: { email: true } } },
  });
  return row && (count > 0 || row.revokedAt) ? apiTokenView(row, now) : null;
}
