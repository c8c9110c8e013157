import type { Db } from "@updraft/db";

/** Removes every job from the queue (tests use it so they see only what their next step enqueues). */
export async function clearJobQueue(db: Db): Promise<void> {
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
}
