import { createHash } from "node:crypto";
import type { TaskSpec } from "@updraft/dag";

/** Airflow's ceiling on an exponential backoff (MAX_RETRY_DELAY, one day). */
export const MAX_EXPONENTIAL_RETRY_DELAY_SECONDS = 24 * 60 * 60;

/**
 * How long to wait before the next try after try `tryNumber` failed, with
 * Airflow's formula (TaskInstance.next_retry_datetime):
 *
 * - without exponential backoff: `retry_delay`;
 * - with it: min_backoff = ceil(retry_delay × 2^(try−1)) (at least 1 s), then a
 *   deterministic jitter: min_backoff + (sha1(seed) mod min_backoff), so the
 *   delay lies in [min_backoff, 2 × min_backoff) and is the same every time for
 *   one task try (no thundering herd, reproducible), at most one day;
 * - capped at `max_retry_delay` when set.
 *
 * `seed` identifies the try: `${dagId}#${taskId}#${logicalDate ISO}#${tryNumber}`.
 */
export function retryDelaySeconds(
  task: Pick<TaskSpec, "retry_delay" | "retry_exponential_backoff" | "max_retry_delay">,
  tryNumber: number,
  seed: string,
): number {
  let delay = task.retry_delay;
  if (task.retry_exponential_backoff) {
    const minBackoff = Math.max(1, Math.ceil(task.retry_delay * 2 ** Math.max(0, tryNumber - 1)));
    if (!Number.isFinite(minBackoff) || minBackoff >= MAX_EXPONENTIAL_RETRY_DELAY_SECONDS) {
      delay = MAX_EXPONENTIAL_RETRY_DELAY_SECONDS;
    } else {
      const hash = BigInt(`0x${createHash("sha1").update(seed).digest("hex")}`);
      const jittered = minBackoff + Number(hash % BigInt(minBackoff));
      delay = Math.min(jittered, MAX_EXPONENTIAL_RETRY_DELAY_SECONDS);
    }
  }
  if (task.max_retry_delay !== null && task.max_retry_delay !== undefined) delay = Math.min(delay, task.max_retry_delay);
  return Math.max(0, delay);
}

/** The jitter seed of one task try (Airflow's `dag_id#task_id#logical_date#try_number`). */
export function retrySeed(dagId: string, taskId: string, logicalDate: Date, tryNumber: number): string {
  return `${dagId}#${taskId}#${logicalDate.toISOString()}#${tryNumber}`;
}
