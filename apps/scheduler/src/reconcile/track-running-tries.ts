import type { ExecutorTry } from "@updraft/engine";
import { wrapExecutor, type Executor } from "@updraft/executor";
import { tryOfExecutorKey } from "./try-of-executor-key";

export interface TrackedExecutor {
  executor: Executor;
  /** The tries the executor is running now, with the task instance and try each key stands for. */
  runningTries(): ExecutorTry[];
}

/**
 * Remembers which try each launched key belongs to, for the orphan sweep.
 * Keys the executor runs without a launch here (pods a restarted Kubernetes
 * scheduler adopted) are read back from the key itself.
 */
export function trackRunningTries(executor: Executor): TrackedExecutor {
  const launched = new Map<string, ExecutorTry>();
  return {
    executor: wrapExecutor(executor, {
      async launch(req) {
        launched.set(req.key, { key: req.key, taskInstanceId: req.taskInstanceId, tryNumber: req.tryNumber });
        try {
          return await executor.launch(req);
        } catch (err) {
          launched.delete(req.key);
          throw err;
        }
      },
    }),
    runningTries() {
      const running = new Set(executor.runningKeys());
      for (const key of launched.keys()) if (!running.has(key)) launched.delete(key);
      const adopted = [...running].filter((key) => !launched.has(key)).map(tryOfExecutorKey);
      return [...launched.values(), ...adopted.filter((t) => t !== undefined)];
    },
  };
}
