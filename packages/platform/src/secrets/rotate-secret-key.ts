import type { Connection, Db, Prisma } from "@updraft/db";
import { decryptColumn } from "./decrypt-column";
import { secretAad, type SecretKind } from "./secret-aad";
import { SecretDecryptionError, type SecretKeyring } from "./secret-keyring";

export interface RotationProgress {
  table: "secrets" | "connections";
  /** Rows of this table handled so far / rows that needed re-encryption when it started. */
  done: number;
  total: number;
}

export interface RotationResult {
  /** Rows whose values were re-encrypted under the current key. */
  secrets: number;
  connections: number;
  currentKid: string;
}

const BATCH_SIZE = 100;

/** Thrown when a stored value cannot be decrypted with any configured key; names the row. */
export class SecretRotationError extends Error {
  override readonly name = "SecretRotationError";
}

/**
 * Re-encrypts every encrypted column not written under the keyring's current
 * key (UPDRAFT_SECRET_KEY), decrypting with the previous keys, in batches.
 * Idempotent: a second run finds nothing to do. Stops at the first row it
 * cannot decrypt, naming it (rows before it stay re-encrypted; run again
 * once the missing key is in UPDRAFT_PREVIOUS_SECRET_KEYS). A row changed
 * while it runs is left alone (the change was encrypted with the current key).
 */
export async function rotateSecretKey(
  db: Db,
  keyring: SecretKeyring,
  onProgress: (progress: RotationProgress) => void = () => {},
): Promise<RotationResult> {
  const current = `v1.${keyring.currentKid}.`;
  const rotate = (text: string, tenantId: string, kind: SecretKind, name: string, tenantSlug: string): string => {
    if (text.startsWith(current)) return text;
    try {
      return keyring.encrypt(decryptColumn(keyring, text, { tenantId, kind, name, tenantSlug }), secretAad(tenantId, kind, name));
    } catch (error) {
      if (!(error instanceof SecretDecryptionError)) throw error;
      throw new SecretRotationError(
        `${error.message} ` +
          "Nothing was changed for this row. Put the key it was encrypted with in UPDRAFT_PREVIOUS_SECRET_KEYS and run rotate-secret-key again.",
      );
    }
  };

  // Secrets.
  const staleSecret = { NOT: { valueEncrypted: { startsWith: current } } };
  const secretTotal = await db.secret.count({ where: staleSecret });
  let secrets = 0;
  let done = 0;
  let after: string | undefined;
  onProgress({ table: "secrets", done, total: secretTotal });
  for (;;) {
    const batch = await db.secret.findMany({
      where: { ...staleSecret, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH_SIZE,
      include: { tenant: { select: { slug: true } } },
    });
    if (batch.length === 0) break;
    for (const row of batch) {
      const valueEncrypted = rotate(row.valueEncrypted, row.tenantId, "secret", row.name, row.tenant.slug);
      const updated = await db.secret.updateMany({
        where: { id: row.id, valueEncrypted: row.valueEncrypted },
        // Rotation is not an edit: keep the "last updated" users see.
        data: { valueEncrypted, updatedAt: row.updatedAt },
      });
      secrets += updated.count;
    }
    done += batch.length;
    after = batch.at(-1)?.id;
    onProgress({ table: "secrets", done, total: secretTotal });
  }

  // Connections (password and extra).
  const staleConnection: Prisma.ConnectionWhereInput = {
    OR: [
      { passwordEncrypted: { not: null }, NOT: { passwordEncrypted: { startsWith: current } } },
      { extraEncrypted: { not: null }, NOT: { extraEncrypted: { startsWith: current } } },
    ],
  };
  const connectionTotal = await db.connection.count({ where: staleConnection });
  let connections = 0;
  done = 0;
  after = undefined;
  onProgress({ table: "connections", done, total: connectionTotal });
  for (;;) {
    const batch: (Connection & { tenant: { slug: string } })[] = await db.connection.findMany({
      where: { ...staleConnection, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH_SIZE,
      include: { tenant: { select: { slug: true } } },
    });
    if (batch.length === 0) break;
    for (const row of batch) {
      const slug = row.tenant.slug;
      const passwordEncrypted =
        row.passwordEncrypted === null ? null : rotate(row.passwordEncrypted, row.tenantId, "connection.password", row.connId, slug);
      const extraEncrypted = row.extraEncrypted === null ? null : rotate(row.extraEncrypted, row.tenantId, "connection.extra", row.connId, slug);
      const updated = await db.connection.updateMany({
        where: { id: row.id, passwordEncrypted: row.passwordEncrypted, extraEncrypted: row.extraEncrypted },
        data: { passwordEncrypted, extraEncrypted, updatedAt: row.updatedAt },
      });
      connections += updated.count;
    }
    done += batch.length;
    after = batch.at(-1)?.id;
    onProgress({ table: "connections", done, total: connectionTotal });
  }

  return { secrets, connections, currentKid: keyring.currentKid };
}
