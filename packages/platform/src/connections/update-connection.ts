import type { Db } from "@updraft/db";
import { secretAad } from "../secrets/secret-aad";
import type { SecretKeyring } from "../secrets/secret-keyring";
import { enqueueTenantProvisioning } from "../tenants/enqueue-tenant-provisioning";
import { connIdSchema, connectionChangesSchema, type ConnectionChanges } from "./connection-input";
import { toConnectionView, type ConnectionView } from "./connection-view";
import { connectionNotFound } from "./get-connection";
import { parseUserInput } from "./parse-user-input";
import { SecretPermissionError } from "./secret-permission-error";

/**
 * Edits a connection: a field left undefined is kept, null clears it. The
 * password is set with a string and cleared with null; both need
 * `canSetSecrets` (Admins), other fields do not (Authors may edit them).
 * Re-provisions the tenant.
 */
export async function updateConnection(
  db: Db,
  keyring: SecretKeyring,
  input: { tenantId: string; connId: string; canSetSecrets: boolean; changes: ConnectionChanges },
): Promise<ConnectionView> {
  const connId = parseUserInput(connIdSchema, input.connId);
  const changes = parseUserInput(connectionChangesSchema, input.changes);
  if (changes.password !== undefined && !input.canSetSecrets) {
    throw new SecretPermissionError(changes.password === null ? "Clearing a connection password" : "Setting a connection password");
  }
  const { tenantId } = input;
  const row = await db.$transaction(async (tx) => {
    const existing = await tx.connection.findUnique({ where: { tenantId_connId: { tenantId, connId } } });
    if (!existing) throw connectionNotFound(connId);
    const updated = await tx.connection.update({
      where: { id: existing.id },
      data: {
        ...(changes.connType !== undefined ? { connType: changes.connType } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.host !== undefined ? { host: changes.host } : {}),
        ...(changes.port !== undefined ? { port: changes.port } : {}),
        ...(changes.login !== undefined ? { login: changes.login } : {}),
        ...(changes.schema !== undefined ? { schema: changes.schema } : {}),
        ...(changes.extra !== undefined
          ? {
              extraEncrypted:
                changes.extra === null ? null : keyring.encrypt(JSON.stringify(changes.extra), secretAad(tenantId, "connection.extra", connId)),
            }
          : {}),
        ...(changes.password !== undefined
          ? {
              passwordEncrypted:
                changes.password === null ? null : keyring.encrypt(changes.password, secretAad(tenantId, "connection.password", connId)),
              passwordUpdatedAt: changes.password === null ? null : new Date(),
            }
          : {}),
      },
    });
    await enqueueTenantProvisioning(tx, tenantId);
    return updated;
  });
  return toConnectionView(keyring, row);
}
