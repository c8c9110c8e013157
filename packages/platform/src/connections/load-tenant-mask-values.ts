import type { DbOrTx } from "@updraft/db";
import { decryptColumn } from "../secrets/decrypt-column";
import type { SecretKeyring } from "../secrets/secret-keyring";
import { quoteUriPart } from "./connection-uri";
import { loadTenantSecretMaterial } from "./load-tenant-secret-material";
import { MIN_MASK_LENGTH } from "./log-masker";

/** A value as it may appear in output: as is, percent-encoded (URI parts) and form-encoded (query strings). */
function encodedForms(value: string): string[] {
  const quoted = quoteUriPart(value);
  return [value, quoted, encodeURIComponent(value), quoted.replaceAll("%20", "+")];
}

/**
 * What to mask in the tenant's task logs: every secret value and connection
 * password with their encoded forms, and the full URI of every connection
 * with a password; only values of at least MIN_MASK_LENGTH characters.
 */
export async function loadTenantMaskValues(db: DbOrTx, keyring: SecretKeyring, tenantId: string): Promise<string[]> {
  const [material, passwordRows] = await Promise.all([
    loadTenantSecretMaterial(db, keyring, tenantId),
    db.connection.findMany({ where: { tenantId, passwordEncrypted: { not: null } }, select: { connId: true, passwordEncrypted: true } }),
  ]);
  const values = new Set<string>();
  for (const value of Object.values(material.secrets)) encodedForms(value).forEach((form) => values.add(form));
  for (const row of passwordRows) {
    if (row.passwordEncrypted === null) continue;
    const password = decryptColumn(keyring, row.passwordEncrypted, { tenantId, kind: "connection.password", name: row.connId });
    encodedForms(password).forEach((form) => values.add(form));
    if (Object.hasOwn(material.connections, row.connId)) values.add(material.connections[row.connId] ?? "");
  }
  return [...values].filter((value) => value.length >= MIN_MASK_LENGTH);
}
