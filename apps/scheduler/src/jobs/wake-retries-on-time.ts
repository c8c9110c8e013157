import type { Db } from "@updraft/db";
import { enqueueJob, retryWakeJobKey } from "@updraft/engine";

/**
 * graphile-worker finds future-dated jobs only by polling (every poll
 * interval), so a retry would start up to that much after its delay. The
 * replica that recorded the failure sets a timer for the retry's due time and
 * re-enqueues the run's retry wake-up under the same job key with no delay,
 * which NOTIFYs the workers at once. The future-dated job stays the durable
 * fallback if this replica stops first.
 */
export function createRetryWaker(db: Db, onError: (err: unknown) => void) {
  const timers = new Map<string, NodeJS.Timeout>();

  async function wakeWhenDue(taskInstanceId: string): Promise<void> {
    const ti = await db.taskInstance.findUnique({
      where: { id: taskInstanceId },
      select: { state: true, nextTryAt: true, dagRunId: true },
    });
    if (ti?.state !== "UP_FOR_RETRY" || !ti.nextTryAt) return;
    const runId = ti.dagRunId;
    clearTimeout(timers.get(runId));
    const delay = Math.max(0, ti.nextTryAt.getTime() - Date.now());
    const timer = setTimeout(() => {
      timers.delete(runId);
      enqueueJob(db, "evaluate_run", { runId }, { jobKey: retryWakeJobKey(runId) }).catch(onError);
    }, delay);
    timer.unref();
    timers.set(runId, timer);
  }

  return {
    wakeWhenDue,
    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type RetryWaker = ReturnType<typeof createRetryWaker>;
