import type { Task } from "graphile-worker";
import {
  enqueueJob,
  FINALIZE_TRY_USAGE_PRIORITY,
  finalizeTryUsageJobKey,
  recordTaskOutcome,
} from "@updraft/engine";
import type { Db } from "@updraft/db";
import { parsePayload } from "./parse-payload";
import type { RetryWaker } from "./wake-retries-on-time";

export function makeTaskEventJob(db: Db, retryWaker?: RetryWaker): Task {
  return async (payload) => {
    const event = parsePayload("task_event", payload);
    const changed = await recordTaskOutcome(db, event);
    // Only failures can become retries: successes skip the extra read.
    if (changed && event.outcome === "failed" && retryWaker) await retryWaker.wakeWhenDue(event.taskInstanceId);
    // The try has ended (also when the task instance had moved on): its cost is worked out by a separate,
    // lower-priority job, so thinning samples and updating the daily rollup never delays the next task.
    // If this enqueue fails, the job's retry records nothing twice (recordTaskOutcome is idempotent) and enqueues again.
    const key = { taskInstanceId: event.taskInstanceId, tryNumber: event.tryNumber };
    await enqueueJob(db, "finalize_try_usage", key, {
      jobKey: finalizeTryUsageJobKey(key.taskInstanceId, key.tryNumber),
      priority: FINALIZE_TRY_USAGE_PRIORITY,
    });
  };
}
