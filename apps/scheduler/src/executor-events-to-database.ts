import type { Db } from "@updraft/db";
import { countStoredLogLines, enqueueJob, taskEventJobKey, type TaskLogWriter } from "@updraft/engine";
import { taskLogFields, type ExecutorEvents } from "@updraft/executor";
import type { Logger } from "pino";
import { createTryLogMasking } from "./secrets/try-log-masking";

/**
 * The executor's events, written to the database: output goes to the task log
 * store with every secret value and connection password of the task's tenant
 * masked as `***` (`maskValues` gives them), and every exit becomes a
 * `task_event` job once the try's last (masked) log lines are stored.
 * `storedLogLines` tells an executor adopting a running task (after a
 * restart) how many output lines are stored already, so they are not stored
 * twice; `onDetach` stores what arrived from a task left running for the
 * next scheduler and says what was held back (not stored).
 */
export function executorEventsToDatabase(
  db: Db,
  logWriter: TaskLogWriter,
  logger: Logger,
  maskValues: (tenantSlug: string) => Promise<string[]>,
): ExecutorEvents {
  const masking = createTryLogMasking(
    maskValues,
    (req, stream, text) => logWriter.append(req.taskInstanceId, req.tryNumber, stream, text),
    logger,
  );
  return {
    onLog(req, stream, text) {
      masking.append(req, stream, text);
    },
    async onExit(req, outcome) {
      const endedAt = Date.now();
      await masking.end(req);
      await logWriter.flush();
      await enqueueJob(
        db,
        "task_event",
        {
          taskInstanceId: req.taskInstanceId,
          tryNumber: req.tryNumber,
          outcome: outcome.kind,
          exitCode: outcome.exitCode,
          reason: outcome.kind === "failed" ? outcome.reason : null,
          endedAt,
        },
        { jobKey: taskEventJobKey(req.taskInstanceId, req.tryNumber) },
      );
      logger.info({ ...taskLogFields(req), outcome: outcome.kind, ...(outcome.kind === "failed" ? { reason: outcome.reason } : {}) }, "task try ended");
    },
    async onDetach(req) {
      // Left running for the next scheduler: store what arrived; what the masker held back is delivered again there.
      const heldBack = await masking.detach(req);
      await logWriter.flush();
      return heldBack;
    },
    async storedLogLines(req) {
      await logWriter.flush();
      return countStoredLogLines(db, req.taskInstanceId, req.tryNumber);
    },
  };
}
