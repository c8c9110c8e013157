import type { Tx } from "@updraft/db";

/**
 * Tells users why SCHEDULED tasks wait: per task (what admission looked at),
 * per pool (everything else waiting in a full or missing pool) and per
 * tenant (everything else waiting in the given pools while the tenant runs
 * as many tasks as its quota allows). Rows whose message is already right
 * are not written.
 */
export async function setWaitingMessages(
  tx: Tx,
  input: {
    tenantId: string;
    perTask: readonly { id: string; message: string }[];
    perPool: readonly { pool: string; message: string }[];
    perTenant?: { pools: readonly string[]; message: string } | null;
    now: Date;
  },
): Promise<void> {
  const examined = JSON.stringify(input.perTask.map((t) => t.id));
  if (input.perPool.length > 0) {
    await tx.$executeRaw`
      UPDATE task_instances ti SET message = v.message, updated_at = ${input.now}::timestamptz
        FROM json_to_recordset(${JSON.stringify(input.perPool)}::json) AS v(pool text, message text)
       WHERE ti.tenant_id = ${input.tenantId}::uuid AND ti.state = 'SCHEDULED' AND ti.pool = v.pool
         AND ti.message IS DISTINCT FROM v.message
         AND ti.id NOT IN (SELECT json_array_elements_text(${examined}::json)::uuid)`;
  }
  if (input.perTenant && input.perTenant.pools.length > 0) {
    await tx.$executeRaw`
      UPDATE task_instances ti SET message = ${input.perTenant.message}, updated_at = ${input.now}::timestamptz
       WHERE ti.tenant_id = ${input.tenantId}::uuid AND ti.state = 'SCHEDULED'
         AND ti.pool IN (SELECT json_array_elements_text(${JSON.stringify(input.perTenant.pools)}::json))
         AND ti.message IS DISTINCT FROM ${input.perTenant.message}
         AND ti.id NOT IN (SELECT json_array_elements_text(${examined}::json)::uuid)`;
  }
  if (input.perTask.length > 0) {
    await tx.$executeRaw`
      UPDATE task_instances ti SET message = v.message, updated_at = ${input.now}::timestamptz
        FROM json_to_recordset(${JSON.stringify(input.perTask)}::json) AS v(id uuid, message text)
       WHERE ti.id = v.id AND ti.state = 'SCHEDULED' AND ti.message IS DISTINCT FROM v.message`;
  }
}
