import { join } from "node:path";
import type { TaskOutcome } from "../executor";
import { describeSpawnError } from "./describe-spawn-error";
import type { RunningTask } from "./local-executor-state";
import { TASK_FILES, readJsonFile, type TaskExit } from "./task-state-files";

/** Why the try was stopped: asked of this executor, or recorded by an earlier one (kill.json). */
export function killReasonOf(task: RunningTask): string | undefined {
  if (task.killReason !== undefined) return task.killReason;
  const recorded = readJsonFile(join(task.dir, TASK_FILES.kill)) as { reason?: unknown } | undefined;
  return typeof recorded?.reason === "string" ? recorded.reason : undefined;
}

/** The outcome of a try from the exit its supervisor recorded, and the SYSTEM line that says it. */
export function outcomeOf(task: RunningTask, exit: TaskExit): { outcome: TaskOutcome; message: string } {
  const command = task.req.command[0] ?? "";
  if (exit.kind === "spawn-error") {
    const error = Object.assign(new Error(exit.message), { code: exit.code ?? undefined }) as NodeJS.ErrnoException;
    const reason = describeSpawnError(command, error);
    return { outcome: { kind: "failed", exitCode: null, reason }, message: reason };
  }
  if (exit.kind === "supervisor-error") {
    const reason = `the task's supervisor failed: ${exit.message}`;
    return { outcome: { kind: "failed", exitCode: null, reason }, message: reason };
  }
  const seconds = ((exit.endedAt - (exit.startedAt ?? exit.endedAt)) / 1000).toFixed(2);
  const exitCode = exit.signal ? null : exit.code;
  const killReason =
    exit.stopReason === "timeout" && task.killReason === undefined
      ? `execution_timeout of ${String(task.req.executionTimeoutSeconds)}s exceeded`
      : (killReasonOf(task) ?? (exit.stopReason === "killed" ? "stopped by a signal to its supervisor" : undefined));
  if (killReason !== undefined) {
    return { outcome: { kind: "failed", exitCode, reason: killReason }, message: `Killed: ${killReason}` };
  }
  if (exit.signal) {
    const reason = `killed by ${exit.signal}`;
    return { outcome: { kind: "failed", exitCode: null, reason }, message: `Process was ${reason} after ${seconds}s` };
  }
  const message = `Process exited with code ${String(exit.code)} after ${seconds}s`;
  if (exit.code === 0) return { outcome: { kind: "success", exitCode: 0 }, message };
  return { outcome: { kind: "failed", exitCode, reason: `exit code ${String(exit.code)}` }, message };
}
