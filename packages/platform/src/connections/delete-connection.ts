import type { Db } from "@updraft/db";
import { enqueueTenantProvisioning } from "../tenants/enqueue-tenant-provisioning";
import { connIdSchema } from "./connection-input";
import { connectionNotFound } from "./get-connection";
import { parseUserInput } from "./parse-user-input";
import { SecretPermissionError } from "./secret-permission-error";

/**
 * Deletes a connection and re-provisions the tenant. Deleting one that has a
 * password removes that password too, so it needs `canSetSecrets`.
 */
export async function deleteConnection(db: Db, input: { tenantId: string; connId: string; canSetSecrets: boolean }): Promise<void> {
  const connId = parseUserInput(connIdSchema, input.connId);
  const { tenantId } = input;
  await db.$transaction(async (tx) => {
    const existing = await tx.connection.findUnique({
      where: { tenantId_connId: { tenantId, connId } },
      select: { id: true, passwordEncrypted: true },
    });
    if (!existing) throw connectionNotFound(connId);
    if (existing.passwordEncrypted !== null && !input.canSetSecrets) {
      throw new SecretPermissionError(`Deleting connection "${connId}", which has a password,`, "Ask a tenant admin to delete it.");
    }
    await tx.connection.delete({ where: { id: existing.id } });
    await enqueueTenantProvisioning(tx, tenantId);
  });
}
