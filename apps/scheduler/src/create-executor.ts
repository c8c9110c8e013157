import type { Db } from "@updraft/db";
import { createTaskLogWriter, enqueueJob, type TaskLogWriter } from "@updraft/engine";
import { createLocalExecutor, createNoopExecutor, type Executor, type ExecutorEvents } from "@updraft/executor";
import type { Logger } from "pino";

export type ExecutorName = "local" | "noop";

export interface ExecutorSettings {
  /** How long every task "runs" with the noop executor. Default 0. */
  noopDurationMs?: number;
}

/**
 * Builds the configured executor and wires its events to the database: output
 * goes to the task log store, and every exit becomes a `task_event` job once
 * the try's last log lines are stored.
 */
export function createExecutor(
  name: ExecutorName,
  db: Db,
  logger: Logger,
  settings: ExecutorSettings = {},
): { executor: Executor; logWriter: TaskLogWriter } {
  const logWriter = createTaskLogWriter(db, {
    onError: (err) => logger.error({ err }, "could not store task log lines"),
  });
  const events: ExecutorEvents = {
    onLog(req, stream, text) {
      logWriter.append(req.taskInstanceId, req.tryNumber, stream, text);
    },
    async onExit(req, outcome) {
      const endedAt = Date.now();
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
        { jobKey: `task_event:${req.taskInstanceId}:${req.tryNumber}` },
      );
      logger.info({ task: req.taskId, run: req.runId, try: req.tryNumber, outcome: outcome.kind }, "task try ended");
    },
  };
  const executor =
    name === "noop"
      ? createNoopExecutor(failFalseCommands(events), { durationMs: settings.noopDurationMs ?? 0 })
      : createLocalExecutor(events, { logger: logger.child({ component: "local-executor" }) });
  return { executor, logWriter };
}

/**
 * The noop executor runs nothing, so every task would succeed; a task whose
 * command is exactly `false` fails instead (exit code 1), like the real
 * command would. Tests and the benchmark use it to exercise failures without
 * processes.
 */
function failFalseCommands(events: ExecutorEvents): ExecutorEvents {
  return {
    onLog: (req, stream, text) => events.onLog(req, stream, text),
    onExit(req, outcome) {
      const fails = outcome.kind === "success" && req.command.length === 1 && req.command[0] === "false" && req.args.length === 0;
      return events.onExit(req, fails ? { kind: "failed", exitCode: 1, reason: "exit code 1" } : outcome);
    },
  };
}
