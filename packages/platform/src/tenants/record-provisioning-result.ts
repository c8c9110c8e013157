import type { Db } from "@updraft/db";

/**
 * Stores the outcome of a provisioning pass on the tenant's row (shown to
 * platform admins): success sets provisionedAt and clears the error; a
 * failure keeps the last success time and says what went wrong. A tenant
 * deleted meanwhile is left alone.
 */
export async function recordProvisioningResult(
  db: Db,
  tenantId: string,
  result: { ok: true } | { ok: false; error: string },
  now: Date = new Date(),
): Promise<void> {
  await db.tenant.updateMany({
    where: { id: tenantId },
    data: result.ok ? { provisionedAt: now, provisionError: null } : { provisionError: result.error.slice(0, 2000) },
  });
}
