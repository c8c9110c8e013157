import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { ExecutorEvents, LaunchRequest, LogStreamName, TaskOutcome } from "../executor";
import { executorKey } from "@updraft/domain/executor-key";

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
   * Resolves when `check()` returns a value other than undefined (checked on
   * every event and every 20 ms), however long that takes: the test's timeout
   * guards against a hang. Every 30 s it prints the events so far on stderr.
   */
  function waitFor<T>(check: () => T | undefined): Promise<T> {
    return new Promise((resolve) => {
      const stop = () => {
        waiters.delete(attempt);
        clearInterval(poll);
        clearInterval(report);
      };
      const attempt = () => {
        const value = check();
        if (value === undefined) return false;
        stop();
        resolve(value);
        return true;
      };
      const poll = setInterval(attempt, 20);
      const report = setInterval(() => console.warn(`still waiting; executor events so far: ${JSON.stringify(events)}`), 30_000);
      if (!attempt()) waiters.add(attempt);
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
 * Whether the process is gone within `timeoutMs` (a process whose group was
 * just signalled may still be exiting when its task is reported finished).
 */
export async function waitUntilGone(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
