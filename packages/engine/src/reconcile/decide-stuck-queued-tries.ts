/** A QUEUED try and whether its `launch_task` job is still waiting (or running, or retrying). */
export interface QueuedTry {
  taskInstanceId: string;
  tryNumber: number;
  queuedAt: Date | null;
  hasPendingLaunch: boolean;
}

/**
 * QUEUED tries whose launch was lost: no `launch_task` job is left that could
 * start them (it failed for good, or was dropped), and they have waited longer
 * than `stuckAfterMs`. Re-enqueuing the launch is safe: claiming a try is
 * idempotent and never starts it twice.
 */
export function decideStuckQueuedTries(tries: readonly QueuedTry[], now: Date, stuckAfterMs: number): QueuedTry[] {
  const before = now.getTime() - stuckAfterMs;
  return tries.filter((t) => !t.hasPendingLaunch && (t.queuedAt?.getTime() ?? 0) < before);
}
