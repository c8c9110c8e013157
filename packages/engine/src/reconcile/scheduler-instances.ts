import type { DbOrTx } from "@updraft/db";

export interface SchedulerIdentity {
  /** The replica's id (uuid), stored on every try it claims. */
  schedulerId: string;
  hostname: string;
}

export interface SchedulerRegistration extends SchedulerIdentity {
  pid: number;
  /** The executor backend's name, e.g. "local". */
  executor: string;
}

/**
 * Registers a scheduler replica in `scheduler_instances` (heartbeat now). The
 * database clock stamps every heartbeat, so replicas on hosts with skewed
 * clocks are judged fairly.
 */
export async function registerSchedulerInstance(db: DbOrTx, replica: SchedulerRegistration): Promise<void> {
  await db.$executeRaw`
    INSERT INTO scheduler_instances (id, hostname, pid, executor, started_at, heartbeat_at, stopped_at)
    VALUES (${replica.schedulerId}::uuid, ${replica.hostname}, ${replica.pid}, ${replica.executor}, now(), now(), NULL)
    ON CONFLICT (id) DO UPDATE SET
      hostname = EXCLUDED.hostname, pid = EXCLUDED.pid, executor = EXCLUDED.executor,
      heartbeat_at = now(), stopped_at = NULL`;
}

/** Records that the replica is alive. Returns false when its row is gone (e.g. deleted by an operator). */
export async function heartbeatSchedulerInstance(db: DbOrTx, schedulerId: string): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE scheduler_instances SET heartbeat_at = now() WHERE id = ${schedulerId}::uuid AND stopped_at IS NULL`;
  return updated > 0;
}

/** Graceful stop: the replica runs nothing any more, so reconcile may fail what it left RUNNING at once. */
export async function markSchedulerStopped(db: DbOrTx, schedulerId: string): Promise<void> {
  await db.$executeRaw`UPDATE scheduler_instances SET stopped_at = now() WHERE id = ${schedulerId}::uuid`;
}
