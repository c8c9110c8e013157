import type { DbOrTx } from "@updraft/db";
import { apiTokenView, type ApiTokenView } from "./api-token-view";

/** The tenant's tokens (revoked and expired ones too), newest first. Never the tokens themselves. */
export async function listApiTokens(db: DbOrTx, tenantId: string, now: Date = new Date()): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    where: { tenantId },
    include: { createdBy: { select: { email: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => apiTokenView(row, now));
}
