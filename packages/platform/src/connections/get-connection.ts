import type { DbOrTx } from "@updraft/db";
import type { SecretKeyring } from "../secrets/secret-keyring";
import { NotFoundError } from "../members/not-found-error";
import { connIdSchema } from "./connection-input";
import { toConnectionView, type ConnectionView } from "./connection-view";
import { parseUserInput } from "./parse-user-input";

export function connectionNotFound(connId: string): NotFoundError {
  return new NotFoundError(`There is no connection "${connId}" in this tenant. Create it on the Connections page.`);
}

/** One connection, without its password; a UserError when the tenant has none by that id. */
export async function getConnection(db: DbOrTx, keyring: SecretKeyring, input: { tenantId: string; connId: string }): Promise<ConnectionView> {
  const connId = parseUserInput(connIdSchema, input.connId);
  const row = await db.connection.findUnique({ where: { tenantId_connId: { tenantId: input.tenantId, connId } } });
  if (!row) throw connectionNotFound(connId);
  return toConnectionView(keyring, row);
}
