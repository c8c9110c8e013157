import type { Tx } from "@updraft/db";

/**
 * Tells users why SCHEDULED tasks wait: per task (what admission looked at)
 * and per pool (everything else waiting in a full or missing pool). Rows
 * whose message is already right are not written.
 */
export async function setWaitingMessages(
  tx: Tx,
  input: {
    tenantId: string;
    perTask: readonly { id: string; message: string }[];
    perPool: readonly { pool: string; message: string }[];
    now: Date;
  },
): Promise<void> {
  if (input.perPool.length > 0) {
    const examined = input.perTask.map((t) => t.id);
    await tx.$executeRaw`
      UPDATE task_instances ti SET message = v.message, updated_at = ${input.now}::timestamptz
        FROM json_to_recordset(${JSON.stringify(input.perPool)}::json) AS v(pool text, message text)
       WHERE ti.tenant_id = ${input.tenantId}::uuid AND ti.state = 'SCHEDULED' AND ti.pool = v.pool
         AND ti.message IS DISTINCT FROM v.message
         AND ti.id NOT IN (SELECT json_array_elements_text(${JSON.stringify(examined)}::json)::uuid)`;
  }
  if (input.perTask.length > 0) {
    await tx.$executeRaw`
      UPDATE task_instances ti SET message = v.message, updated_at = ${input.now}::timestamptz
        FROM json_to_recordset(${JSON.stringify(input.perTask)}::json) AS v(id uuid, message text)
       WHERE ti.id = v.id AND ti.state = 'SCHEDULED' AND ti.message IS DISTINCT FROM v.message`;
  }
}
