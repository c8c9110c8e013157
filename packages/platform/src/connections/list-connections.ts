import type { Db } from "@updraft/db";
import type { SecretKeyring } from "../secrets/secret-keyring";
import { toConnectionView, type ConnectionView } from "./connection-view";

/** The tenant's connections by id, without passwords. */
export async function listConnections(db: Db, keyring: SecretKeyring, input: { tenantId: string }): Promise<ConnectionView[]> {
  const rows = await db.connection.findMany({ where: { tenantId: input.tenantId }, orderBy: { connId: "asc" } });
  return rows.map((row) => toConnectionView(keyring, row));
}
