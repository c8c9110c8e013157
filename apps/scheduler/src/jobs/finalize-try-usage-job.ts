import type { Task } from "graphile-worker";
import { finalizeTryUsage } from "@updraft/cost";
import type { Db } from "@updraft/db";
import { parsePayload } from "./parse-payload";

/**
 * Costs one ended try: thins its usage samples into cpu-seconds and memory,
 * prices them and adds them to the task's daily rollup. Idempotent, so a
 * retried job costs the try once.
 */
export function makeFinalizeTryUsageJob(db: Db): Task {
  return async (payload) => {
    const event = parsePayload("finalize_try_usage", payload);
    await finalizeTryUsage(db, event);
  };
}
