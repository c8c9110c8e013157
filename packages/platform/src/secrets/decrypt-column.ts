import { secretAad, type SecretKind } from "./secret-aad";
import { SecretDecryptionError, type SecretKeyring } from "./secret-keyring";

const WHAT: Record<SecretKind, (name: string) => string> = {
  secret: (name) => `secret "${name}"`,
  "connection.password": (name) => `the password of connection "${name}"`,
  "connection.extra": (name) => `the extra of connection "${name}"`,
};

/** Decrypts one stored column, naming the row in the error when that fails. */
export function decryptColumn(keyring: SecretKeyring, text: string, row: { tenantId: string; kind: SecretKind; name: string; tenantSlug?: string }): string {
  try {
    return keyring.decrypt(text, secretAad(row.tenantId, row.kind, row.name));
  } catch (error) {
    if (error instanceof SecretDecryptionError) {
      const tenant = row.tenantSlug ? `tenant "${row.tenantSlug}"` : `tenant id ${row.tenantId}`;
      throw new SecretDecryptionError(`Cannot decrypt ${WHAT[row.kind](row.name)} of ${tenant}: ${error.message}.`);
    }
    throw error;
  }
}
