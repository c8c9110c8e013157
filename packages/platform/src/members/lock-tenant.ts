import type { Tx } from "@updraft/db";

/**
 * Locks the tenant row until the transaction ends, so concurrent member
 * changes of one tenant run one after the other (the last-owner rule holds).
 */
export async function lockTenant(tx: Tx, tenantId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM tenants WHERE id = ${tenantId}::uuid FOR UPDATE`;
}
