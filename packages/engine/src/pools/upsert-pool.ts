import type { Db, Pool } from "@updraft/db";
import { admitScheduledTasks } from "../admission/admit-scheduled-tasks";
import { parsePoolInput, poolInputSchema } from "./pool-input";

/**
 * Creates a pool or changes its slots and description (default_pool too,
 * which then stops being implicit). Tasks waiting for it are admitted at once
 * when it gained slots.
 */
export async function upsertPool(
  db: Db,
  input: { tenantId: string; name: string; slots: number; description?: string | null },
): Promise<Pool> {
  const { name, slots, description } = parsePoolInput(poolInputSchema, {
    name: input.name,
    slots: input.slots,
    description: input.description,
  });
  const pool = await db.pool.upsert({
    where: { tenantId_name: { tenantId: input.tenantId, name } },
    create: { tenantId: input.tenantId, name, slots, description: description ?? null },
    update: { slots, ...(description !== undefined ? { description } : {}) },
  });
  await admitScheduledTasks(db, { tenantId: input.tenantId });
  return pool;
}
