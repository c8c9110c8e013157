import type { Db } from "@updraft/db";
import { enqueueProvisioningForAllTenants } from "@updraft/platform";
import type { Logger } from "pino";
import { repeatEvery, type RepeatingTask } from "../reconcile/repeat-every";

/**
 * Enqueues provisioning of every tenant now and then every `intervalMs`, so
 * objects edited or deleted on the cluster by hand are restored. Job keys
 * coalesce the requests of several replicas into one job per tenant.
 */
export async function provisionAllTenantsRegularly(db: Db, intervalMs: number, logger: Logger): Promise<RepeatingTask> {
  const enqueue = async () => {
    const count = await enqueueProvisioningForAllTenants(db);
    logger.debug({ tenants: count }, "enqueued provisioning of every tenant");
  };
  await enqueue();
  return repeatEvery("tenant provisioning", intervalMs, enqueue, logger);
}
