import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { ExecutorEvents, LaunchRequest, LogStreamName, TaskOutcome } from "../executor";
import { executorKey } from "@updraft/domain/executor-key";
import { waitUntil } from "@updraft/config/wait-until";

export type RecordedEvent =
  | { type: "log"; key: string; stream: LogStreamName; text: string }
  | { type: "exit"; key: string; outcome: TaskOutcome };

/**
 * Records everything an executor reports, in order, and lets a test wait for
 * it. `extra` adds the optional callbacks (e.g. a `storedLogLines` that
 * answers like the scheduler's log store).
 */
export function recordExecutorEvents(extra: Pick<ExecutorEvents, "storedLogLines"> = {}) {
  const events: RecordedEvent[] = [];
  const waiters = new Set<() => void>();
  const changed = () => {
    for (const wake of waiters) wake();
  };

  const handlers: ExecutorEvents = {
    onLog(req, stream, text) {
      events.push({ type: "log", key: req.key, stream, text });
      changed();
    },
    onExit(req, outcome) {
      events.push({ type: "exit", key: req.key, outcome });
      changed();
    },
    ...extra,
  };

  function output(key: string, stream: LogStreamName): string {
    return events
      .filter((e): e is Extract<RecordedEvent, { type: "log" }> => e.type === "log" && e.key === key && e.stream === stream)
      .map((e) => e.text)
      .join("");
  }

  function exits(key: string): TaskOutcome[] {
    return events.filter((e) => e.type === "exit" && e.key === key).map((e) => (e as { outcome: TaskOutcome }).outcome);
  }

  /**
   * Resolves when `check()` returns a value other than undefined (checked on every event, so a state that
   * lasts only until the next event is seen, and every 20 ms), however long that takes: the test's timeout
   * guards against a hang. Every 30 s it prints the events so far on stderr.
   */
  function waitFor<T>(check: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      let done = false;
      const attempt = () => {
        if (done) return;
        const value = check();
        if (value === undefined) return;
        done = true;
        waiters.delete(attempt);
        resolve(value);
      };
      waiters.add(attempt);
      waitUntil(
        () => {
          attempt();
          return done;
        },
        () => `a condition on the executor events; so far: ${JSON.stringify(events)}`,
        { pollMs: 20 },
      ).catch(reject);
    });
  }

  return {
    handlers,
    events,
    output,
    exits,
    waitFor,
    waitForExit: (key: string) => waitFor(() => exits(key)[0]),
  };
}

/** A launch request for `command`, with a fresh task instance id. */
export function taskRequest(command: string[], overrides: Partial<LaunchRequest> = {}): LaunchRequest {
  const taskInstanceId = overrides.taskInstanceId ?? randomUUID();
  const tryNumber = overrides.tryNumber ?? 1;
  return {
    key: executorKey(taskInstanceId, tryNumber),
    taskInstanceId,
    tryNumber,
    tenantSlug: "demo",
    dagId: "example_dag",
    runId: "manual__2024-05-01T00:00:00+00:00",
    taskId: "say_hello",
    image: null,
    command,
    args: [],
    env: {},
    executionTimeoutSeconds: null,
    resources: { requests: {}, limits: {} },
    nodeSelector: {},
    tolerations: [],
    connectionIds: [],
    secretNames: [],
    ...overrides,
  };
}

/**
 * True while a process with this pid exists and has not terminated. A killed
 * orphan may linger as a zombie until init reaps it; that counts as dead.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/**
 * Resolves to true once the process is gone, however long that takes (a process whose group was just
 * signalled may still be exiting when its task is reported finished); the test's timeout guards against a hang.
 */
export function waitUntilGone(pid: number): Promise<boolean> {
  return waitUntil(() => !isAlive(pid), () => `process ${pid} to be gone`, { pollMs: 20 });
}
