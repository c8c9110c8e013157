import type { Db } from "@updraft/db";
import { z } from "zod";
import { secretAad } from "../secrets/secret-aad";
import type { SecretKeyring } from "../secrets/secret-keyring";
import { enqueueTenantProvisioning } from "../tenants/enqueue-tenant-provisioning";
import { parseUserInput } from "./parse-user-input";
import { secretDescriptionSchema, secretNameSchema, secretValueSchema } from "./secret-input";
import { toSecretView, type SecretView } from "./secret-view";

const setSecretSchema = z.object({ name: secretNameSchema, value: secretValueSchema, description: secretDescriptionSchema });

/**
 * Creates a secret or replaces its value (encrypted; a description left
 * undefined is kept) and re-provisions the tenant. Callers must be Admins.
 */
export async function setSecret(
  db: Db,
  keyring: SecretKeyring,
  input: { tenantId: string; name: string; value: string; description?: string | null },
): Promise<SecretView> {
  const { name, value, description } = parseUserInput(setSecretSchema, { name: input.name, value: input.value, description: input.description });
  const { tenantId } = input;
  const valueEncrypted = keyring.encrypt(value, secretAad(tenantId, "secret", name));
  const row = await db.$transaction(async (tx) => {
    const saved = await tx.secret.upsert({
      where: { tenantId_name: { tenantId, name } },
      create: { tenantId, name, valueEncrypted, description: description ?? null },
      update: { valueEncrypted, ...(description !== undefined ? { description } : {}) },
    });
    await enqueueTenantProvisioning(tx, tenantId);
    return saved;
  });
  return toSecretView(row);
}
