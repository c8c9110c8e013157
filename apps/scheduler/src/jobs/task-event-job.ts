import type { Task } from "graphile-worker";
import { recordTaskOutcome, type AdmissionCoordinator } from "@updraft/engine";
import type { Db } from "@updraft/db";
import { parsePayload } from "./parse-payload";
import type { RetryWaker } from "./wake-retries-on-time";

/** Records how a try ended (and, in the same transaction, queues its costing: see finalize-try-usage-job.ts). */
export function makeTaskEventJob(db: Db, admission: AdmissionCoordinator, retryWaker?: RetryWaker): Task {
  return async (payload) => {
    const event = parsePayload("task_event", payload);
    const changed = await recordTaskOutcome(db, event, new Date(), admission);
    // Only failures can become retries: successes skip the extra read.
    if (changed && event.outcome === "failed" && retryWaker) await retryWaker.wakeWhenDue(event.taskInstanceId);
  };
}
