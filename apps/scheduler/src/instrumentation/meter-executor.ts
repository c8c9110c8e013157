import { taskLogFields, type Executor, type LaunchRequest, type TaskOutcome } from "@updraft/executor";
import type { Logger } from "pino";
import { classifyFailureReason, classifyLaunchError } from "../metrics/classify-executor-failure";
import type { SchedulerMetrics } from "../metrics/scheduler-metrics";

export interface ExecutorMeter {
  /** Counts launches (not adoptions) with their scheduling latency, and launches the executor refused or failed. */
  wrap(executor: Executor): Executor;
  /** An outcome the executor reported: a failure that is not the task's own nor a kill someone asked for is an executor error. */
  onOutcome(req: LaunchRequest, outcome: TaskOutcome): void;
  /** A try failed outside the executor (a lost process, a zombie): counted by its reason. */
  countFailure(reason: string): void;
}

/**
 * The executor half of the scheduler's metrics. `readyAt` gives when a try
 * became ready (its queued_at); it is read after the launch returned, off the
 * launch's path, and a failed read only loses that one observation.
 */
export function createExecutorMeter(
  metrics: SchedulerMetrics,
  readyAt: (req: LaunchRequest) => Promise<Date | null>,
  logger: Logger,
): ExecutorMeter {
  /** Keys killed on request (a user, a clear, the orphan sweep): their failure is not an executor error. */
  const killed = new Set<string>();
  const countFailure = (reason: string) => {
    const reasonClass = classifyFailureReason(reason);
    if (reasonClass) metrics.countExecutorError(reasonClass);
  };
  return {
    wrap(executor) {
      return {
        name: executor.name,
        async launch(req) {
          let result: { adopted: boolean };
          try {
            result = await executor.launch(req);
          } catch (err) {
            metrics.countExecutorError(classifyLaunchError(err, executor.name));
            throw err;
          }
          if (!result.adopted) {
            const launchedAt = Date.now();
            metrics.launches.inc({ executor: executor.name });
            readyAt(req).then(
              (at) => {
                if (at) metrics.schedulingLatency.observe(Math.max(0, launchedAt - at.getTime()) / 1000);
              },
              (err: unknown) => logger.debug({ err, ...taskLogFields(req) }, "could not read when the try became ready; its scheduling latency is not observed"),
            );
          }
          return result;
        },
        async kill(key, reason) {
          if (executor.runningKeys().includes(key)) killed.add(key);
          await executor.kill(key, reason);
        },
        runningKeys: () => executor.runningKeys(),
        shutdown: () => executor.shutdown(),
        ...(executor.sampleUsage ? { sampleUsage: () => executor.sampleUsage!() } : {}),
      };
    },
    onOutcome(req, outcome) {
      const wasKilled = killed.delete(req.key);
      if (outcome.kind === "failed" && !wasKilled) countFailure(outcome.reason);
    },
    countFailure,
  };
}
