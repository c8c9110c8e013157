import { wrapExecutor, type Executor, type LaunchRequest, type TaskOutcome } from "@updraft/executor";
import { classifyFailureReason, classifyLaunchError } from "../metrics/classify-executor-failure";
import type { SchedulerMetrics } from "../metrics/scheduler-metrics";

export interface ExecutorInstrumentation {
  /** Counts launches (not adoptions) with their scheduling latency, and launches the executor refused or failed. */
  wrap(executor: Executor): Executor;
  /** An outcome the executor reported: a failure that is not the task's own nor a kill someone asked for is an executor error. */
  onOutcome(req: LaunchRequest, outcome: TaskOutcome): void;
  /** A try failed outside the executor (a lost process, a zombie): counted by its reason. */
  countFailure(reason: string): void;
}

/**
 * The executor half of the scheduler's metrics. The scheduling latency runs
 * from the launch's `queuedAt` (when admission queued the try, read with the
 * claim) to the moment the executor started it.
 */
export function createExecutorInstrumentation(metrics: SchedulerMetrics): ExecutorInstrumentation {
  /** Keys killed on request (a user, a clear, the orphan sweep): their failure is not an executor error. */
  const killed = new Set<string>();
  const countFailure = (reason: string) => {
    const reasonClass = classifyFailureReason(reason);
    if (reasonClass) metrics.countExecutorError(reasonClass);
  };
  return {
    wrap(executor) {
      return wrapExecutor(executor, {
        async launch(req) {
          let result: { adopted: boolean };
          try {
            result = await executor.launch(req);
          } catch (err) {
            metrics.countExecutorError(classifyLaunchError(err, executor.name));
            throw err;
          }
          if (!result.adopted) {
            metrics.launches.inc({ executor: executor.name });
            if (req.queuedAt) metrics.schedulingLatency.observe(Math.max(0, Date.now() - req.queuedAt.getTime()) / 1000);
          }
          return result;
        },
        async kill(key, reason) {
          if (executor.runningKeys().includes(key)) killed.add(key);
          await executor.kill(key, reason);
        },
      });
    },
    onOutcome(req, outcome) {
      const wasKilled = killed.delete(req.key);
      if (outcome.kind === "failed" && !wasKilled) countFailure(outcome.reason);
    },
    countFailure,
  };
}
