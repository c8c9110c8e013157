import type { Db } from "@updraft/db";
import { findOrphanKeys } from "@updraft/engine";
import type { Logger } from "pino";
import type { TrackedExecutor } from "./track-running-tries";

/**
 * The per-replica half of reconcile: kills executor processes (or pods) whose
 * try is no longer RUNNING under this replica, e.g. a task marked failed
 * while the kill message was lost. A key must look orphaned on two sweeps in
 * a row, so a try that is just finishing (its outcome committed a moment
 * before the executor forgot the key) is never killed.
 */
export function createOrphanSweeper(db: Db, schedulerId: string, tracked: TrackedExecutor, logger: Logger) {
  let suspects = new Map<string, string>();
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
      logger.warn({ key: orphan.key, reason: orphan.reason }, "killing an orphaned task process");
      await tracked.executor.kill(orphan.key, `stopped by reconcile: ${orphan.reason}`);
      killed.push(orphan.key);
    }
    suspects = next;
    return killed;
  };
}
