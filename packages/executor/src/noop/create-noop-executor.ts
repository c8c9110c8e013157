import type { Executor, ExecutorEvents, LaunchRequest } from "../executor";
import { createFinishedKeys } from "../finished-keys";

export interface NoopExecutorOptions {
  /** How long every task "runs" before it succeeds. Default 0. */
  durationMs?: number;
}

const SHUTDOWN_REASON = "the executor shut down while the task was running";

/**
 * An executor that starts no process: every launched task succeeds after
 * `durationMs`. It measures the scheduler alone (the scheduler benchmark).
 * It runs nothing, so a launch's `secretEnv` is ignored.
 */
export function createNoopExecutor(events: ExecutorEvents, options: NoopExecutorOptions = {}): Executor {
  const durationMs = options.durationMs ?? 0;
  const running = new Map<string, { req: LaunchRequest; timer: NodeJS.Timeout }>();
  const finished = createFinishedKeys();
  let shuttingDown = false;

  async function reportExit(req: LaunchRequest, outcome: Parameters<ExecutorEvents["onExit"]>[1]): Promise<void> {
    running.delete(req.key);
    finished.add(req.key);
    try {
      await events.onExit(req, outcome);
    } catch {
      // Like the local executor, a failing handler must not break the executor.
    }
  }

  async function kill(key: string, reason: string): Promise<void> {
    const task = running.get(key);
    if (!task) return;
    clearTimeout(task.timer);
    await reportExit(task.req, { kind: "failed", exitCode: null, reason });
  }

  return {
    name: "noop",

    async launch(req) {
      if (shuttingDown) throw new Error("The noop executor is shutting down and does not start new tasks.");
      if (running.has(req.key) || finished.has(req.key)) return { adopted: true };
      const timer = setTimeout(() => void reportExit(req, { kind: "success", exitCode: 0 }), durationMs);
      running.set(req.key, { req, timer });
      return { adopted: false };
    },

    kill,

    runningKeys() {
      return [...running.keys()];
    },

    async shutdown() {
      shuttingDown = true;
      await Promise.all([...running.keys()].map((key) => kill(key, SHUTDOWN_REASON)));
    },
  };
}
