import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import type { Executor, ExecutorEvents } from "../executor";
import { createFinishedKeys } from "../finished-keys";
import { adoptStateDir, adoptTaskDir } from "./adopt-task-dirs";
import { detachTasks } from "./detach-tasks";
import { launchNewTask } from "./launch-new-task";
import type { LocalExecutorOptions } from "./local-executor-options";
import type { LocalExecutorState } from "./local-executor-state";
import { removeStateDirIfEmpty } from "./remove-state-dir";
import { sampleTaskUsage } from "./sample-task-usage";
import { terminateTask } from "./terminate-task";

export type { LocalExecutorOptions } from "./local-executor-options";

export interface LocalExecutor extends Executor {
  /** Resolves once the tries found in the state directory were adopted (running) or reported (ended meanwhile). */
  adopt(): Promise<void>;
  /**
   * Stops following the running tasks but leaves them running, records how
   * much of their output is stored, and resolves with their keys: the next
   * executor on the same state directory adopts them. Starts nothing after.
   */
  detach(): Promise<string[]>;
}

const SHUTDOWN_REASON = "the executor shut down while the task was running";
const SHUTTING_DOWN = "The local executor is shutting down and does not start new tasks.";

/**
 * Runs each task try as a process group on this host, in its own temporary
 * working directory, under a small detached supervisor (task-shim-source.ts)
 * that writes the task's output and exit status to files in the state
 * directory. The executor follows those files (follow-task.ts), so tasks
 * outlive a scheduler that stops (detach) and the next executor on the same
 * state directory adopts them (adopt-task-dirs.ts). Used by the embedded
 * default (`npm start`).
 */
export function createLocalExecutor(events: ExecutorEvents, options: LocalExecutorOptions = {}): LocalExecutor {
  const state: LocalExecutorState = {
    events,
    log: options.logger ?? pino({ name: "local-executor" }),
    stateDir: options.stateDir ?? join(tmpdir(), "updraft-local", randomUUID()),
    killGraceMs: options.killGraceMs ?? 5000,
    pollIntervalMs: options.pollIntervalMs ?? 200,
    running: new Map(),
    finished: createFinishedKeys(),
    loops: new Set(),
    shimPath: "",
  };
  const removeStateDirOnShutdown = options.removeStateDirOnShutdown ?? options.stateDir === undefined;
  let shuttingDown = false;

  const ready = adoptStateDir(state);
  ready.catch((error: unknown) => state.log.error({ err: error, stateDir: state.stateDir }, "could not prepare the local executor's state directory"));

  return {
    name: "local",
    adopt: () => ready,

    async launch(req) {
      if (shuttingDown) throw new Error(SHUTTING_DOWN);
      await ready;
      if (shuttingDown) throw new Error(SHUTTING_DOWN);
      if (state.running.has(req.key) || state.finished.has(req.key)) return { adopted: true };
      if (existsSync(join(state.stateDir, req.key))) {
        // Left by an earlier executor after ready (or not adopted then): follow it instead of starting it again.
        await adoptTaskDir(state, req.key, join(state.stateDir, req.key));
        return { adopted: true };
      }
      return launchNewTask(state, req);
    },

    async kill(key, reason) {
      const task = state.running.get(key);
      if (!task) return;
      terminateTask(state, task, reason);
      await task.done;
    },

    runningKeys() {
      return [...state.running.keys()];
    },

    sampleUsage: () => sampleTaskUsage(state),

    async shutdown() {
      shuttingDown = true;
      await ready.catch(() => undefined);
      const tasks = [...state.running.values()];
      for (const task of tasks) terminateTask(state, task, SHUTDOWN_REASON);
      await Promise.all([...tasks.map((task) => task.done), ...state.loops]);
      if (removeStateDirOnShutdown) await removeStateDirIfEmpty(state.stateDir);
    },

    async detach() {
      shuttingDown = true;
      await ready.catch(() => undefined);
      return detachTasks(state);
    },
  };
}
