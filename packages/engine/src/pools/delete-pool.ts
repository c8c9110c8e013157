import type { Db } from "@updraft/db";
import { admitScheduledTasks } from "../admission/admit-scheduled-tasks";
import { UserError } from "../user-error";
import { DEFAULT_POOL } from "../admission/default-pool";
import { parsePoolInput, poolInputSchema } from "./pool-input";

/**
 * Deletes a pool. Its running tasks finish; its waiting tasks stay waiting
 * (saying the pool does not exist) until it is created again. default_pool
 * cannot be deleted.
 */
export async function deletePool(db: Db, input: { tenantId: string; name: string }): Promise<void> {
  const { name } = parsePoolInput(poolInputSchema.pick({ name: true }), { name: input.name });
  if (name === DEFAULT_POOL) {
    throw new UserError("default_pool cannot be deleted: tasks without a pool use it. Change its slots instead.");
  }
  const deleted = await db.pool.deleteMany({ where: { tenantId: input.tenantId, name } });
  if (deleted.count === 0) throw new UserError(`There is no pool "${name}" in this tenant.`);
  await admitScheduledTasks(db, { tenantId: input.tenantId });
}
