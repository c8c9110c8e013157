import type { Db } from "@updraft/db";
import type { ZombieTry } from "./decide-zombie-tries";
import type { QueuedTry } from "./decide-stuck-queued-tries";
import type { StalledRun } from "./decide-stalled-runs";
import { failZombieTries } from "./fail-zombie-tries";
import { relaunchStuckTries } from "./relaunch-stuck-tries";
import { reevaluateStalledRuns } from "./reevaluate-stalled-runs";

export interface ReconcileOptions {
  /** A replica silent this long is gone; its RUNNING tries are failed. */
  zombieAfterMs: number;
  /** A QUEUED try without a launch job this long is relaunched. Default: zombieAfterMs. */
  stuckQueuedAfterMs?: number;
}

export interface ReconcileResult {
  zombies: ZombieTry[];
  relaunched: QueuedTry[];
  reevaluated: StalledRun[];
}

/**
 * One pass of the `reconcile` job: fails zombie tries, relaunches stuck
 * queued tries and re-evaluates stalled runs, so an execution slot never
 * leaks and a run never stays running with nothing running.
 */
export async function reconcileOnce(db: Db, options: ReconcileOptions): Promise<ReconcileResult> {
  const zombies = await failZombieTries(db, { zombieAfterMs: options.zombieAfterMs });
  const relaunched = await relaunchStuckTries(db, { stuckAfterMs: options.stuckQueuedAfterMs ?? options.zombieAfterMs });
  const reevaluated = await reevaluateStalledRuns(db);
  return { zombies, relaunched, reevaluated };
}
