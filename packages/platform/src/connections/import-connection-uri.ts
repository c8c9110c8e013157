import type { Db } from "@updraft/db";
import type { SecretKeyring } from "../secrets/secret-keyring";
import { createConnection } from "./create-connection";
import { parseConnectionUri } from "./connection-uri";
import type { ConnectionView } from "./connection-view";
import { SecretPermissionError } from "./secret-permission-error";

/**
 * Creates connection `connId` from an Airflow URI
 * (`postgres://user:p%40ss@host:5432/db?sslmode=require`). A URI with a
 * password needs `canSetSecrets`.
 */
export async function importConnectionUri(
  db: Db,
  keyring: SecretKeyring,
  input: { tenantId: string; connId: string; uri: string; description?: string | null; canSetSecrets: boolean },
): Promise<ConnectionView> {
  const fields = parseConnectionUri(input.uri);
  if (fields.password !== null && !input.canSetSecrets) {
    throw new SecretPermissionError("Importing a URI with a password (user:password@host)");
  }
  return createConnection(db, keyring, {
    tenantId: input.tenantId,
    canSetSecrets: input.canSetSecrets,
    connection: { connId: input.connId, description: input.description, ...fields },
  });
}
