/** One `executor.launch()` call that returned. */
export interface LaunchObservation {
  key: string;
  taskInstanceId: string;
  tryNumber: number;
  /** The replica whose executor was called. */
  schedulerId: string;
  /** True when the executor found the key running already and started nothing. */
  adopted: boolean;
  /** When launch() was called: epoch milliseconds with sub-millisecond precision (comparable across processes on one host). */
  calledAt: number;
}

/** One scheduler job (graphile-worker task) that ran on this replica. */
export interface JobObservation {
  /** The job's name: evaluate_run, launch_task, task_event, … */
  name: string;
  /** What it was about: "<taskInstanceId>:<tryNumber>" for launch_task and task_event, the run id for evaluate_run, "-" otherwise. */
  subject: string;
  /** When the handler started and when it returned (its transactions committed), same clock as `calledAt`. */
  startedAt: number;
  endedAt: number;
  ok: boolean;
}

/**
 * Hooks for tests and the benchmark: what the scheduler launched, and when
 * each of its jobs ran. Must be cheap and must not throw.
 */
export interface SchedulerObserver {
  onLaunch?(launch: LaunchObservation): void;
  onJob?(job: JobObservation): void;
}

/** A precise wall clock: epoch ms with sub-ms resolution. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
