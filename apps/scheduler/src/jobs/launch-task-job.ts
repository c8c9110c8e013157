import type { Task } from "graphile-worker";
import { enqueueJob, startTaskTry } from "@updraft/engine";
import { executorKey, type Executor } from "@updraft/executor";
import type { Db } from "@updraft/db";
import { parsePayload } from "./parse-payload";

/**
 * Marks the try running and hands it to the executor. Idempotent: a repeated
 * job for the same try finds it running and the executor adopts the existing
 * process instead of starting a second one.
 */
export function makeLaunchTaskJob(db: Db, executor: Executor): Task {
  return async (payload, helpers) => {
    const { taskInstanceId, tryNumber } = parsePayload("launch_task", payload);
    const launch = await startTaskTry(db, { taskInstanceId, tryNumber, executorKey: executorKey(taskInstanceId, tryNumber) });
    if (!launch) return;
    try {
      await executor.launch(launch);
    } catch (err) {
      const reason = `the ${executor.name} executor could not start the task: ${err instanceof Error ? err.message : String(err)}`;
      helpers.logger.error(reason);
      await enqueueJob(
        db,
        "task_event",
        { taskInstanceId, tryNumber, outcome: "failed", exitCode: null, reason, endedAt: Date.now() },
        { jobKey: `task_event:${taskInstanceId}:${tryNumber}` },
      );
    }
  };
}
