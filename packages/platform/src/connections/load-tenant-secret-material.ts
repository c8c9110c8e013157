import type { DbOrTx } from "@updraft/db";
import { decryptColumn } from "../secrets/decrypt-column";
import type { SecretKeyring } from "../secrets/secret-keyring";
import { connectionToUri } from "./connection-uri";
import { decryptExtra } from "./connection-view";

/** A tenant's decrypted secrets and full connection URIs, for injection into tasks only (never log or return them). */
export interface TenantSecretMaterial {
  /** Secret name → value. */
  secrets: Record<string, string>;
  /** conn_id → full Airflow URI (password included). */
  connections: Record<string, string>;
}

/**
 * Decrypts what tasks get injected: every secret value and every
 * connection's full URI of the tenant, or only the named ones with `only`.
 */
export async function loadTenantSecretMaterial(
  db: DbOrTx,
  keyring: SecretKeyring,
  tenantId: string,
  only?: { connections?: readonly string[]; secrets?: readonly string[] },
): Promise<TenantSecretMaterial> {
  const [secretRows, connectionRows] = await Promise.all([
    db.secret.findMany({
      where: { tenantId, ...(only?.secrets ? { name: { in: [...only.secrets] } } : {}) },
      orderBy: { name: "asc" },
    }),
    db.connection.findMany({
      where: { tenantId, ...(only?.connections ? { connId: { in: [...only.connections] } } : {}) },
      orderBy: { connId: "asc" },
    }),
  ]);
  // fromEntries: names like "__proto__" or "constructor" are valid and must stay plain keys.
  const secrets = Object.fromEntries(
    secretRows.map((row) => [row.name, decryptColumn(keyring, row.valueEncrypted, { tenantId, kind: "secret", name: row.name })]),
  );
  const connections = Object.fromEntries(
    connectionRows.map((row) => {
      const password =
        row.passwordEncrypted === null
          ? null
          : decryptColumn(keyring, row.passwordEncrypted, { tenantId, kind: "connection.password", name: row.connId });
      return [row.connId, connectionToUri({ ...row, password, extra: decryptExtra(keyring, row) }, "full")];
    }),
  );
  return { secrets, connections };
}
