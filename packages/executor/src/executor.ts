import type { TaskLaunch } from "@updraft/engine";

/**
 * Everything a backend needs to start one try of one task instance: the
 * engine's rendered launch (its `key` is deterministic and DNS-label-safe,
 * see `executorKey(tiId, tryNumber)`).
 */
export type LaunchRequest = TaskLaunch;

export type LogStreamName = "STDOUT" | "STDERR" | "SYSTEM";

export type TaskOutcome =
  | { kind: "success"; exitCode: 0 }
  | { kind: "failed"; exitCode: number | null; reason: string };

/** Callbacks a backend reports through. `onExit` is called exactly once per launch. */
export interface ExecutorEvents {
  onLog(req: LaunchRequest, stream: LogStreamName, text: string): void;
  onExit(req: LaunchRequest, outcome: TaskOutcome): void | Promise<void>;
  /**
   * How many complete lines ("\n") of this try's STDOUT are already stored.
   * A backend that adopts a task another process started (a scheduler
   * restart) skips that many lines at the start of the task's output, so
   * lines the earlier process delivered are not stored twice. Optional:
   * without it an adopted task's output is delivered from its start.
   */
  storedLogLines?(req: LaunchRequest): Promise<number>;
  /**
   * The backend stops following this try but leaves it running (a graceful
   * scheduler stop; the next process with the same state adopts it and
   * resumes its output). Resolves once everything passed to onLog for the try
   * is stored, with the text of each stream that was passed but is not
   * stored (held back, e.g. a possible start of a secret being masked): the
   * backend resumes the output from there. Optional.
   */
  onDetach?(req: LaunchRequest): Promise<Partial<Record<LogStreamName, string>> | void>;
}

/**
 * One resource usage reading of a running task, by executor key. Local
 * processes report cumulative cpu-seconds of their process group; Kubernetes
 * pods report current cores (metrics.k8s.io). Memory is the resident set
 * (local) or working set (Kubernetes) in bytes.
 */
export interface UsageReading {
  key: string;
  cpuSecondsTotal?: number;
  cpuCores?: number;
  memoryBytes: number;
}

export interface Executor {
  readonly name: string;
  /** Resolves once the task started. Launching a key that is already running adopts it and starts nothing. */
  launch(req: LaunchRequest): Promise<{ adopted: boolean }>;
  /** Stops the task with this key; its outcome is `failed` with `reason`. Resolves after `onExit`. */
  kill(key: string, reason: string): Promise<void>;
  runningKeys(): string[];
  /** Current resource usage of the running tasks (those it can measure; never throws for one task's failure). */
  sampleUsage?(): Promise<UsageReading[]>;
  /** Kills everything this executor started and waits until it is gone. */
  shutdown(): Promise<void>;
  /**
   * Executors whose tasks outlive them (Kubernetes pods, local supervisors): resolves once the tasks an earlier
   * executor with the same state (the same scheduler id) left running are adopted, running ones followed again
   * and ended ones reported. Adoption begins when the executor is created; every call returns the same promise.
   */
  adopt?(): Promise<void>;
  /**
   * Executors whose tasks can outlive them: stops following the running tasks but leaves them running for the
   * next executor with the same state, and resolves with their keys. Starts nothing after; shutdown() then
   * only releases what is left. Without it, shutdown() decides what becomes of running tasks.
   */
  detach?(): Promise<string[]>;
  /** The executor's own readiness checks by name (e.g. `kubernetes_watch`), for the scheduler's /readyz. */
  health?(): Record<string, ExecutorHealthCheck>;
}

/** One readiness check: `{ ok: true }` or `{ ok: false, message }` saying what is wrong. */
export type ExecutorHealthCheck = { ok: true } | { ok: false; message: string };
