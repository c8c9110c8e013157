import type { Logger } from "pino";
import type { ExecutorEvents, LaunchRequest, LogStreamName } from "../executor";
import type { FinishedKeys } from "../finished-keys";
import { taskLogFields } from "../task-log-fields";
import type { OutputCursor } from "./read-task-output";
import { TASK_FILES } from "./task-state-files";

export type OutputStream = Exclude<LogStreamName, "SYSTEM">;
export const OUTPUT_FILES: Record<OutputStream, string> = { STDOUT: TASK_FILES.stdout, STDERR: TASK_FILES.stderr };

/** One try this executor follows (from its launch or its adoption until its outcome is reported or it is detached). */
export interface RunningTask {
  req: LaunchRequest;
  dir: string;
  supervisorPid?: number;
  taskPid?: number;
  killReason?: string;
  cursors: Record<OutputStream, OutputCursor>;
  /** Cleared when this executor stops following the task (detach). */
  following: boolean;
  /** Set once its outcome is reported (or reporting started). */
  ended: boolean;
  wake?: () => void;
  /** A file of the try changed since the loop last looked. */
  changed?: boolean;
  /** The follow loop: resolves when the outcome is reported or the task is left running. */
  done: Promise<void>;
}

/** What the parts of one local executor share: its settings and the tries it follows. */
export interface LocalExecutorState {
  events: ExecutorEvents;
  log: Logger;
  stateDir: string;
  killGraceMs: number;
  pollIntervalMs: number;
  running: Map<string, RunningTask>;
  finished: FinishedKeys;
  /** Every follow loop not finished yet, including those reporting an outcome (no longer in `running`). */
  loops: Set<Promise<void>>;
  /** The task shim installed in the state directory; set once the directory is prepared. */
  shimPath: string;
}

/** The fields every scheduler log line about a task carries. */
export function taskFields(req: LaunchRequest) {
  return { ...taskLogFields(req), key: req.key };
}

/** Keeps a follow loop in `loops` until it finishes. */
export function keepLoop(state: LocalExecutorState, done: Promise<void>): void {
  state.loops.add(done);
  void done.then(() => state.loops.delete(done));
}
