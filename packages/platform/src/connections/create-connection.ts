import { Prisma, type Db } from "@updraft/db";
import { secretAad } from "../secrets/secret-aad";
import type { SecretKeyring } from "../secrets/secret-keyring";
import { enqueueTenantProvisioning } from "../tenants/enqueue-tenant-provisioning";
import { UserError } from "@updraft/engine";
import { createConnectionSchema, type ConnectionInput } from "./connection-input";
import { toConnectionView, type ConnectionView } from "./connection-view";
import { parseUserInput } from "./parse-user-input";
import { SecretPermissionError } from "./secret-permission-error";

/**
 * Creates a connection (password and extra encrypted) and re-provisions the
 * tenant so tasks see it. `canSetSecrets` is false for Authors: they may
 * create a connection, but not with a password.
 */
export async function createConnection(
  db: Db,
  keyring: SecretKeyring,
  input: { tenantId: string; canSetSecrets: boolean; connection: ConnectionInput },
): Promise<ConnectionView> {
  const fields = parseUserInput(createConnectionSchema, input.connection);
  if (fields.password && !input.canSetSecrets) throw new SecretPermissionError("Setting a connection password");
  const { tenantId } = input;
  const { connId } = fields;
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.connection.create({
        data: {
          tenantId,
          connId,
          connType: fields.connType,
          description: fields.description ?? null,
          host: fields.host ?? null,
          port: fields.port ?? null,
          login: fields.login ?? null,
          schema: fields.schema ?? null,
          passwordEncrypted: fields.password ? keyring.encrypt(fields.password, secretAad(tenantId, "connection.password", connId)) : null,
          passwordUpdatedAt: fields.password ? new Date() : null,
          extraEncrypted: fields.extra ? keyring.encrypt(JSON.stringify(fields.extra), secretAad(tenantId, "connection.extra", connId)) : null,
        },
      });
      await enqueueTenantProvisioning(tx, tenantId);
      return created;
    });
    return toConnectionView(keyring, row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserError(`A connection "${connId}" already exists in this tenant: edit it, or pick another id.`);
    }
    throw error;
  }
}
