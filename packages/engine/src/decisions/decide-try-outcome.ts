import type { TaskSpec } from "@updraft/dag";
import { retryDelaySeconds } from "./retry-delay-seconds";

export interface TryOutcomeInput {
  outcome: "success" | "failed";
  /** Why the try failed ("exit code 3", "execution_timeout of 30s exceeded"); null on success. */
  reason: string | null;
  tryNumber: number;
  maxTries: number;
  task: Pick<TaskSpec, "retry_delay" | "retry_exponential_backoff" | "max_retry_delay">;
  /** Jitter seed of this try, see retrySeed(). */
  seed: string;
  now: Date;
}

export interface TryOutcomeDecision {
  /** The task instance's next state. */
  taskState: "SUCCESS" | "FAILED" | "UP_FOR_RETRY";
  /** How this try ended (a retried try still failed). */
  tryState: "SUCCESS" | "FAILED";
  /** The try's own message: why it failed. */
  tryMessage: string | null;
  /** The task instance's message, which also says when the retry comes. */
  taskMessage: string | null;
  /** UP_FOR_RETRY only: when the next try may start. */
  nextTryAt: Date | null;
}

/**
 * What a try's end means for its task instance: success, a retry after
 * Airflow's delay (while tries remain: tryNumber < maxTries), or failure.
 */
export function decideTryOutcome(input: TryOutcomeInput): TryOutcomeDecision {
  if (input.outcome === "success") {
    return { taskState: "SUCCESS", tryState: "SUCCESS", tryMessage: null, taskMessage: null, nextTryAt: null };
  }
  const reason = input.reason ?? "the task failed";
  if (input.tryNumber < input.maxTries) {
    const delay = retryDelaySeconds(input.task, input.tryNumber, input.seed);
    return {
      taskState: "UP_FOR_RETRY",
      tryState: "FAILED",
      tryMessage: reason,
      taskMessage: `${reason}; try ${input.tryNumber} of ${input.maxTries} failed, retrying in ${formatDelay(delay)}`,
      nextTryAt: new Date(input.now.getTime() + Math.round(delay * 1000)),
    };
  }
  return { taskState: "FAILED", tryState: "FAILED", tryMessage: reason, taskMessage: reason, nextTryAt: null };
}

function formatDelay(seconds: number): string {
  if (seconds < 120) return `${Number(seconds.toFixed(1))}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  return `${Number((seconds / 3600).toFixed(1))}h`;
}
