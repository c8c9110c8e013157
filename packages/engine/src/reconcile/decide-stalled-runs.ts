/** A run that may be stalled, with what could still move it. */
export interface RunActivity {
  runId: string;
  state: "QUEUED" | "RUNNING";
  /** Task instances holding a slot (QUEUED or RUNNING): their launch or outcome will move the run. */
  activeTasks: number;
  /** Whether an `evaluate_run` job for this run is pending (at any time). */
  hasPendingEvaluation: boolean;
  /** Earliest `nextTryAt` among its UP_FOR_RETRY tasks, null when none waits for a retry. */
  nextRetryAt: Date | null;
  /** QUEUED runs only: whether another run of the same DAG is RUNNING (then max_active_runs may hold it back legitimately). */
  dagHasRunningRun: boolean;
}

export interface StalledRun {
  runId: string;
  /** When to evaluate it: now, or when its earliest retry becomes due. */
  evaluateAt: Date;
}

/**
 * Runs nothing will ever evaluate again: RUNNING with no task holding a slot
 * and no evaluation pending (a lost job), or QUEUED while its DAG runs nothing
 * (the wake-up after the last run finished was lost). Evaluating a run is
 * idempotent, so a false positive only costs one evaluation.
 */
export function decideStalledRuns(runs: readonly RunActivity[], now: Date): StalledRun[] {
  const stalled: StalledRun[] = [];
  for (const run of runs) {
    if (run.hasPendingEvaluation || run.activeTasks > 0) continue;
    if (run.state === "QUEUED" && run.dagHasRunningRun) continue;
    const due = run.nextRetryAt && run.nextRetryAt.getTime() > now.getTime() ? run.nextRetryAt : now;
    stalled.push({ runId: run.runId, evaluateAt: due });
  }
  return stalled;
}
