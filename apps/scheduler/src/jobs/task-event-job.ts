import type { Task } from "graphile-worker";
import { finalizeTryUsage, recordTaskOutcome } from "@updraft/engine";
import type { Db } from "@updraft/db";
import { parsePayload } from "./parse-payload";
import type { RetryWaker } from "./wake-retries-on-time";

export function makeTaskEventJob(db: Db, retryWaker?: RetryWaker): Task {
  return async (payload) => {
    const event = parsePayload("task_event", payload);
    const changed = await recordTaskOutcome(db, event);
    // Only failures can become retries: successes skip the extra read.
    if (changed && event.outcome === "failed" && retryWaker) await retryWaker.wakeWhenDue(event.taskInstanceId);
    // The try has ended (also when the task instance had moved on): thin its usage samples and cost it.
    // Idempotent, so a retry of this job after a failure here costs the try once.
    await finalizeTryUsage(db, { taskInstanceId: event.taskInstanceId, tryNumber: event.tryNumber });
  };
}
