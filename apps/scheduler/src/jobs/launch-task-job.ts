import type { Task } from "graphile-worker";
import { enqueueJob, startTaskTry, taskEventJobKey } from "@updraft/engine";
import { executorKey, type Executor } from "@updraft/executor";
import type { Db } from "@updraft/db";
import { parsePayload } from "./parse-payload";
import { requeueRefusedLaunch } from "./requeue-refused-launch";

/** Which scheduler replica claims the tries it launches (stored on each try). */
export interface SchedulerIdentity {
  schedulerId: string;
  hostname: string;
}

/**
 * Claims the try for this replica and hands it to the executor. Idempotent:
 * a repeated job for the same try finds it running under this replica and
 * the executor adopts the existing process; a try claimed by another replica
 * is left alone, so nothing is launched twice. A launch the cluster refuses
 * for now (quota full, namespace not provisioned yet) puts the try back in
 * the queue; any other launch error fails the try.
 */
export function makeLaunchTaskJob(db: Db, executor: Executor, identity: SchedulerIdentity): Task {
  return async (payload, helpers) => {
    const { taskInstanceId, tryNumber, waits } = parsePayload("launch_task", payload);
    const launch = await startTaskTry(db, {
      taskInstanceId,
      tryNumber,
      executorKey: executorKey(taskInstanceId, tryNumber),
      schedulerId: identity.schedulerId,
      hostname: identity.hostname,
    });
    if (!launch) return;
    try {
      await executor.launch(launch);
    } catch (err) {
      if (await requeueRefusedLaunch(db, err, { taskInstanceId, tryNumber, schedulerId: identity.schedulerId, waits: waits ?? 0 })) {
        helpers.logger.info(`try ${tryNumber} of task instance ${taskInstanceId} goes back to the queue: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      const reason = `the ${executor.name} executor could not start the task: ${err instanceof Error ? err.message : String(err)}`;
      helpers.logger.error(reason);
      await enqueueJob(
        db,
        "task_event",
        { taskInstanceId, tryNumber, outcome: "failed", exitCode: null, reason, endedAt: Date.now() },
        { jobKey: taskEventJobKey(taskInstanceId, tryNumber) },
      );
    }
  };
}
