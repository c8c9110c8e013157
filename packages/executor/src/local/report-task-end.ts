import { rm } from "node:fs/promises";
import type { LaunchRequest, LogStreamName, TaskOutcome } from "../executor";
import { taskFields, type LocalExecutorState, type RunningTask } from "./local-executor-state";
import { recordReported } from "./reported-keys";

/** Passes output to onLog; a throwing handler loses the text, not the executor. */
export function emitLog(state: LocalExecutorState, req: LaunchRequest, stream: LogStreamName, text: string): void {
  try {
    state.events.onLog(req, stream, text);
  } catch (error) {
    state.log.error({ err: error, ...taskFields(req) }, "onLog handler threw; log text dropped");
  }
}

async function reportExit(state: LocalExecutorState, req: LaunchRequest, outcome: TaskOutcome): Promise<boolean> {
  try {
    await state.events.onExit(req, outcome);
    return true;
  } catch (error) {
    state.log.error({ err: error, ...taskFields(req) }, "onExit handler failed");
    return false;
  }
}

/** Reports the outcome once; removes the try's files once the outcome is stored (else the next start reports it). */
export async function endTask(state: LocalExecutorState, task: RunningTask, outcome: TaskOutcome, message: string, notes: string[] = []): Promise<void> {
  task.ended = true;
  for (const note of notes) emitLog(state, task.req, "SYSTEM", `${note}\n`);
  emitLog(state, task.req, "SYSTEM", `${message}\n`);
  state.running.delete(task.req.key);
  state.finished.add(task.req.key);
  if (await reportExit(state, task.req, outcome)) {
    try {
      recordReported(state.stateDir, task.req.key);
    } catch (error) {
      state.log.warn({ err: error, ...taskFields(task.req) }, "could not record that the try's outcome was reported");
    }
    await rm(task.dir, { recursive: true, force: true, maxRetries: 3 }).catch((error: unknown) =>
      state.log.warn({ err: error, dir: task.dir }, "could not remove the try's state directory"),
    );
  }
}
