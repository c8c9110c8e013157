import type { Db } from "@updraft/db";
import { enqueueJob, findLostTries, findOrphanKeys, taskEventJobKey } from "@updraft/engine";
import type { Logger } from "pino";
import { readTaskLogFields } from "../instrumentation/read-task-log-fields";
import type { TrackedExecutor } from "./track-running-tries";
import { tryOfExecutorKey } from "./try-of-executor-key";

export const LOST_TRY_REASON =
  "the scheduler running it restarted and its process (or pod) was gone: the task's outcome is unknown";

/**
 * The per-replica half of reconcile, both ways round:
 * - kills executor processes (or pods) whose try is no longer RUNNING under
 *   this replica, e.g. a task marked failed while the kill message was lost;
 * - fails tries RUNNING under this replica that its executor does not run
 *   (lost in a restart with the same scheduler id), so they retry instead of
 *   holding their slot forever.
 * A key must look orphaned (or lost) on two sweeps in a row, so a try that is
 * just starting or finishing is never touched; and a lost try's failure never
 * replaces an outcome the executor reported meanwhile (same job key, kept).
 */
export function createOrphanSweeper(
  db: Db,
  schedulerId: string,
  tracked: TrackedExecutor,
  logger: Logger,
  /** Each lost try failed, with its reason (the executor error metric counts it). */
  onLost?: (reason: string) => void,
) {
  let suspects = new Map<string, string>();
  let lostSuspects = new Set<string>();
  return async function sweepOrphans(): Promise<string[]> {
    const orphans = await findOrphanKeys(db, schedulerId, tracked.runningTries());
    const stillRunning = new Set(tracked.executor.runningKeys());
    const next = new Map<string, string>();
    const killed: string[] = [];
    for (const orphan of orphans) {
      if (!stillRunning.has(orphan.key)) continue;
      if (!suspects.has(orphan.key)) {
        next.set(orphan.key, orphan.reason);
        continue;
      }
      const orphanTry = tryOfExecutorKey(orphan.key);
      const fields = orphanTry ? await readTaskLogFields(db, orphanTry.taskInstanceId, orphanTry.tryNumber) : {};
      logger.warn({ ...fields, key: orphan.key, reason: orphan.reason }, "killing an orphaned task process");
      await tracked.executor.kill(orphan.key, `stopped by reconcile: ${orphan.reason}`);
      killed.push(orphan.key);
    }
    suspects = next;

    const lost = await findLostTries(db, schedulerId, tracked.executor.runningKeys());
    const nextLost = new Set<string>();
    for (const t of lost) {
      if (!lostSuspects.has(t.key)) {
        nextLost.add(t.key);
        continue;
      }
      logger.warn({ ...(await readTaskLogFields(db, t.taskInstanceId, t.tryNumber)), key: t.key, taskInstanceId: t.taskInstanceId }, "failing a try whose process was lost");
      onLost?.(LOST_TRY_REASON);
      await enqueueJob(
        db,
        "task_event",
        { taskInstanceId: t.taskInstanceId, tryNumber: t.tryNumber, outcome: "failed", exitCode: null, reason: LOST_TRY_REASON, endedAt: Date.now() },
        { jobKey: taskEventJobKey(t.taskInstanceId, t.tryNumber), jobKeyMode: "unsafe_dedupe" },
      );
    }
    lostSuspects = nextLost;
    return killed;
  };
}
