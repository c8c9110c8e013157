import type { Db } from "@updraft/db";
import { toSecretView, type SecretView } from "./secret-view";

/** The tenant's secrets by name: names and dates, never values. */
export async function listSecrets(db: Db, input: { tenantId: string }): Promise<SecretView[]> {
  const rows = await db.secret.findMany({
    where: { tenantId: input.tenantId },
    orderBy: { name: "asc" },
    select: { name: true, description: true, createdAt: true, updatedAt: true },
  });
  return rows.map(toSecretView);
}
