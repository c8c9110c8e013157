import type { Db } from "@updraft/db";
import { heartbeatSchedulerInstance, refreshJobLocks, registerSchedulerInstance, type SchedulerRegistration } from "@updraft/engine";
import type { Logger } from "pino";

/**
 * One heartbeat of a replica: says it is alive and refreshes the locks of the
 * jobs its worker pool is running (so they are not taken for a dead pool's).
 * Re-registers when its row has gone missing.
 */
export function makeHeartbeat(db: Db, replica: SchedulerRegistration, workerPoolIds: () => string[], logger: Logger) {
  return async function heartbeat(): Promise<void> {
    const alive = await heartbeatSchedulerInstance(db, replica.schedulerId);
    if (!alive) {
      logger.warn({ schedulerId: replica.schedulerId }, "this scheduler's registration was missing; registering again");
      await registerSchedulerInstance(db, replica);
    }
    await refreshJobLocks(db, workerPoolIds());
  };
}
