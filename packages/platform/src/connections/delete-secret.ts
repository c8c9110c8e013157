import type { Db } from "@updraft/db";
import { enqueueTenantProvisioning } from "../tenants/enqueue-tenant-provisioning";
import { NotFoundError } from "../members/not-found-error";
import { parseUserInput } from "./parse-user-input";
import { secretNameSchema } from "./secret-input";

/** Deletes a secret and re-provisions the tenant. Callers must be Admins. */
export async function deleteSecret(db: Db, input: { tenantId: string; name: string }): Promise<void> {
  const name = parseUserInput(secretNameSchema, input.name);
  await db.$transaction(async (tx) => {
    const deleted = await tx.secret.deleteMany({ where: { tenantId: input.tenantId, name } });
    if (deleted.count === 0) throw new NotFoundError(`There is no secret "${name}" in this tenant.`);
    await enqueueTenantProvisioning(tx, input.tenantId);
  });
}
