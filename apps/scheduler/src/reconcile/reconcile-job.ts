import type { Task } from "graphile-worker";
import type { Db } from "@updraft/db";
import { reconcileOnce, scheduleReconcile } from "@updraft/engine";
import type { Logger } from "pino";
import { readTaskLogFields } from "../instrumentation/read-task-log-fields";

/**
 * The `reconcile` job: fails zombie tries, relaunches stuck queued tries and
 * re-evaluates stalled runs, then re-schedules itself (fixed job key, so one
 * reconcile is pending however many schedulers run).
 */
export function makeReconcileJob(
  db: Db,
  options: {
    reconcileIntervalMs: number;
    zombieAfterMs: number;
    logger: Logger;
    /** Each zombie try failed, with its reason (the executor error metric counts it as lost). */
    onZombie?: (reason: string) => void;
  },
): Task {
  return async () => {
    try {
      const result = await reconcileOnce(db, { zombieAfterMs: options.zombieAfterMs });
      for (const z of result.zombies) {
        options.onZombie?.(z.reason);
        const fields = await readTaskLogFields(db, z.taskInstanceId, z.tryNumber);
        options.logger.warn({ ...fields, taskInstanceId: z.taskInstanceId, reason: z.reason }, "failing a zombie task try");
      }
      if (result.relaunched.length > 0) {
        options.logger.warn({ tries: result.relaunched.map((t) => `${t.taskInstanceId}:${t.tryNumber}`) }, "relaunching queued tries whose launch was lost");
      }
      if (result.reevaluated.length > 0) {
        options.logger.info({ runs: result.reevaluated.map((r) => r.runId) }, "re-evaluating runs nothing was moving");
      }
    } finally {
      await scheduleReconcile(db, { runAt: new Date(Date.now() + options.reconcileIntervalMs) });
    }
  };
}
