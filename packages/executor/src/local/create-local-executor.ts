import pino, { type Logger } from "pino";
import type { Executor, ExecutorEvents, LaunchRequest, LogStreamName, TaskOutcome } from "../executor";
import { buildTaskEnv } from "./build-task-env";
import { createTryWorkdir } from "./create-try-workdir";
import { createFinishedKeys } from "../finished-keys";
import { describeSpawnError } from "./describe-spawn-error";
import { formatCommandLine } from "./format-command-line";
import { killProcessGroup } from "./kill-process-group";
import { readProcessGroupUsage } from "./read-process-group-usage";
import { spawnTaskProcess, type ProcessEnd, type TaskProcessHandlers } from "./spawn-task-process";

export interface LocalExecutorOptions {
  /** How long a process group gets between SIGTERM and SIGKILL. Default 5000. */
  killGraceMs?: number;
  logger?: Logger;
}

interface RunningTask {
  req: LaunchRequest;
  startedAt: number;
  pid?: number;
  killReason?: string;
  timeoutTimer?: NodeJS.Timeout;
  forceKillTimer?: NodeJS.Timeout;
  done: Promise<void>;
}

const SHUTDOWN_REASON = "the executor shut down while the task was running";

/**
 * Runs each task try as a child process group on this host, in its own
 * temporary working directory. Used by the embedded default (`npm start`).
 */
export function createLocalExecutor(events: ExecutorEvents, options: LocalExecutorOptions = {}): Executor {
  const killGraceMs = options.killGraceMs ?? 5000;
  const log = options.logger ?? pino({ name: "local-executor" });
  const running = new Map<string, RunningTask>();
  const finished = createFinishedKeys();
  let shuttingDown = false;

  function emitLog(req: LaunchRequest, stream: LogStreamName, text: string): void {
    try {
      events.onLog(req, stream, text);
    } catch (error) {
      log.error({ err: error, key: req.key }, "onLog handler threw; log text dropped");
    }
  }

  function terminate(task: RunningTask, reason: string): void {
    task.killReason ??= reason;
    if (task.pid === undefined) return; // not started yet: onSpawn terminates it
    killProcessGroup(task.pid, "SIGTERM");
    armForceKill(task);
  }

  function armForceKill(task: RunningTask): void {
    if (task.forceKillTimer || task.pid === undefined) return;
    const pid = task.pid;
    task.forceKillTimer = setTimeout(() => {
      if (killProcessGroup(pid, "SIGKILL")) {
        log.warn({ key: task.req.key, pid }, "process group ignored SIGTERM; sent SIGKILL");
      }
    }, killGraceMs);
  }

  function outcomeOf(task: RunningTask, end: ProcessEnd): { outcome: TaskOutcome; message: string } {
    const command = task.req.command[0] ?? "";
    if (end.kind === "spawn-error") {
      const reason = describeSpawnError(command, end.error);
      return { outcome: { kind: "failed", exitCode: null, reason }, message: reason };
    }
    const seconds = ((Date.now() - task.startedAt) / 1000).toFixed(2);
    const exitCode = end.signal ? null : end.code;
    if (task.killReason) {
      return { outcome: { kind: "failed", exitCode, reason: task.killReason }, message: `Killed: ${task.killReason}` };
    }
    if (end.signal) {
      const reason = `killed by ${end.signal}`;
      return { outcome: { kind: "failed", exitCode: null, reason }, message: `Process was ${reason} after ${seconds}s` };
    }
    const message = `Process exited with code ${String(end.code)} after ${seconds}s`;
    if (end.code === 0) return { outcome: { kind: "success", exitCode: 0 }, message };
    return { outcome: { kind: "failed", exitCode, reason: `exit code ${String(end.code)}` }, message };
  }

  async function reportExit(req: LaunchRequest, outcome: TaskOutcome): Promise<void> {
    try {
      await events.onExit(req, outcome);
    } catch (error) {
      log.error({ err: error, key: req.key }, "onExit handler failed");
    }
  }

  return {
    name: "local",

    launch(req) {
      if (shuttingDown) {
        return Promise.reject(new Error("The local executor is shutting down and does not start new tasks."));
      }
      if (running.has(req.key) || finished.has(req.key)) return Promise.resolve({ adopted: true });

      let settle!: () => void;
      const task: RunningTask = {
        req,
        startedAt: Date.now(),
        done: new Promise<void>((resolve) => (settle = resolve)),
      };
      running.set(req.key, task);

      return new Promise((resolveLaunch, rejectLaunch) => {
        const finish = (outcome: TaskOutcome, message: string, cleanup: Promise<void>) => {
          clearTimeout(task.timeoutTimer);
          clearTimeout(task.forceKillTimer);
          emitLog(req, "SYSTEM", `${message}\n`);
          running.delete(req.key);
          finished.add(req.key);
          void Promise.all([cleanup, reportExit(req, outcome)]).then(settle);
        };

        if (req.command.length === 0) {
          const reason =
            "the task has no command (the local executor runs commands on the host; set `command` in the DAG file)";
          resolveLaunch({ adopted: false });
          setImmediate(() => finish({ kind: "failed", exitCode: null, reason }, reason, Promise.resolve()));
          return;
        }

        const argv = [...req.command, ...req.args];
        let workdir: ReturnType<typeof createTryWorkdir>;
        try {
          workdir = createTryWorkdir(req.key);
        } catch (error) {
          // A host problem (disk full, TMPDIR missing), not the task's fault: let the caller retry the launch.
          running.delete(req.key);
          settle();
          rejectLaunch(new Error(`Could not create a working directory for ${req.key}: ${(error as Error).message}`));
          return;
        }
        const removeWorkdir = () =>
          workdir.remove().catch((error: unknown) => log.warn({ err: error, dir: workdir.path }, "could not remove workdir"));
        emitLog(req, "SYSTEM", `Running: ${formatCommandLine(argv)}\n`);

        const handlers: TaskProcessHandlers = {
          onSpawn(pid) {
            task.pid = pid;
            task.startedAt = Date.now();
            log.debug({ key: req.key, pid }, "task process started");
            resolveLaunch({ adopted: false });
            if (task.killReason) {
              terminate(task, task.killReason);
            } else if (req.executionTimeoutSeconds !== null) {
              const seconds = req.executionTimeoutSeconds;
              task.timeoutTimer = setTimeout(
                () => terminate(task, `execution_timeout of ${seconds}s exceeded`),
                seconds * 1000,
              );
            }
          },
          onOutput(stream, text) {
            emitLog(req, stream, text);
          },
          onLeaderExit() {
            // Background processes the task left in its group would keep the pipes open: stop them.
            if (task.pid !== undefined && killProcessGroup(task.pid, "SIGTERM")) {
              if (!task.killReason) {
                emitLog(req, "SYSTEM", "The main process exited; stopping the background processes it left running\n");
              }
              armForceKill(task);
            }
          },
          onEnd(end) {
            const { outcome, message } = outcomeOf(task, end);
            if (end.kind === "spawn-error") {
              resolveLaunch({ adopted: false });
              setImmediate(() => finish(outcome, message, removeWorkdir()));
            } else {
              finish(outcome, message, removeWorkdir());
            }
          },
        };
        try {
          spawnTaskProcess(argv, { cwd: workdir.path, env: buildTaskEnv(req) }, handlers);
        } catch (error) {
          // Invalid arguments (e.g. a NUL byte) and rare OS errors are thrown instead of emitted.
          handlers.onEnd({ kind: "spawn-error", error: error as NodeJS.ErrnoException });
        }
      });
    },

    async kill(key, reason) {
      const task = running.get(key);
      if (!task) return;
      terminate(task, reason);
      await task.done;
    },

    runningKeys() {
      return [...running.keys()];
    },

    async sampleUsage() {
      const tasks = [...running.values()].filter((task) => task.pid !== undefined);
      const usage = await readProcessGroupUsage(new Set(tasks.map((task) => task.pid!)));
      return tasks.flatMap((task) => {
        const group = usage.get(task.pid!);
        return group ? [{ key: task.req.key, cpuSecondsTotal: group.cpuSecondsTotal, memoryBytes: group.memoryBytes }] : [];
      });
    },

    async shutdown() {
      shuttingDown = true;
      const tasks = [...running.values()];
      for (const task of tasks) terminate(task, SHUTDOWN_REASON);
      await Promise.all(tasks.map((task) => task.done));
    },
  };
}
