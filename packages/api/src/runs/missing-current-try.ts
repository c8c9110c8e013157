import type { TaskState } from "@updraft/db";

export interface TryRecord {
  tryNumber: number;
  state: TaskState;
  queuedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  exitCode: number | null;
  message: string | null;
}

/**
 * Runs from before `task_tries` existed have no row for their try. Then the
 * task instance's own columns are that try's record; null when the current try
 * has its row (or nothing was launched yet).
 */
export function missingCurrentTry(ti: TryRecord, tries: ReadonlyArray<{ tryNumber: number }>): TryRecord | null {
  if (ti.tryNumber === 0 || tries.some((t) => t.tryNumber === ti.tryNumber)) return null;
  return {
    tryNumber: ti.tryNumber,
    state: ti.state,
    queuedAt: ti.queuedAt,
    startedAt: ti.startedAt,
    endedAt: ti.endedAt,
    exitCode: ti.exitCode,
    message: ti.message,
  };
}
