/** What an encrypted column holds; part of the AAD so a value cannot be moved to another column. */
export type SecretKind = "secret" | "connection.password" | "connection.extra";

/** The AAD binding a ciphertext to its row: `<tenantId>:<kind>:<name>` (name = secret name or conn_id). */
export function secretAad(tenantId: string, kind: SecretKind, name: string): string {
  return `${tenantId}:${kind}:${name}`;
}
