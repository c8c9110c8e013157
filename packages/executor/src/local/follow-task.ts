import { watch, type FSWatcher } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { LaunchRequest } from "../executor";
import { killProcessGroup } from "./kill-process-group";
import { OUTPUT_FILES, keepLoop, taskFields, type LocalExecutorState, type RunningTask } from "./local-executor-state";
import { readTaskOutput } from "./read-task-output";
import { emitLog, endTask } from "./report-task-end";
import { signalSupervisor } from "./terminate-task";
import { killReasonOf, outcomeOf } from "./task-outcome";
import { TASK_FILES, readExit, readJsonFile, readPidFile } from "./task-state-files";
import { isProcessAlive, processStartTicks } from "./task-supervisor";

const SUPERVISOR_DIED =
  "the task's supervisor died (killed or crashed) before the task's end was recorded; the task was stopped";

async function deliverOutput(state: LocalExecutorState, task: RunningTask, final: boolean): Promise<void> {
  for (const stream of ["STDOUT", "STDERR"] as const) {
    try {
      await readTaskOutput(join(task.dir, OUTPUT_FILES[stream]), task.cursors[stream], final, (text) => emitLog(state, task.req, stream, text));
    } catch (error) {
      state.log.warn({ err: error, ...taskFields(task.req), stream }, "could not read the task's output");
    }
  }
}

/**
 * The supervisor is gone without recording the end: stop the task process if it still runs (its pid not
 * reused) and remove its working directory, as the supervisor would have.
 */
async function stopOrphanedTask(state: LocalExecutorState, task: RunningTask): Promise<void> {
  const record = readPidFile(task.dir, TASK_FILES.task);
  const same = record && (record.startTicks === undefined || processStartTicks(record.pid) === record.startTicks);
  if (record && same && isProcessAlive(record.pid)) {
    killProcessGroup(record.pid, "SIGKILL");
    state.log.warn({ ...taskFields(task.req), pid: record.pid }, "stopped a task whose supervisor died");
  }
  const launch = readJsonFile(join(task.dir, TASK_FILES.launch)) as { workdir?: unknown } | undefined;
  if (typeof launch?.workdir === "string") await rm(launch.workdir, { recursive: true, force: true }).catch(() => undefined);
}

/** Until a file of the try changes (or the next poll). */
function sleep(state: LocalExecutorState, task: RunningTask): Promise<void> {
  if (task.changed) {
    task.changed = false;
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(done, state.pollIntervalMs);
    function done() {
      clearTimeout(timer);
      task.wake = undefined;
      task.changed = false;
      resolve();
    }
    task.wake = done;
  });
}

/** Delivers the try's output as its files grow and reports its end once recorded (or once its supervisor is gone). */
async function follow(state: LocalExecutorState, task: RunningTask): Promise<void> {
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(task.dir, () => {
      task.changed = true;
      task.wake?.();
    });
    watcher.on("error", () => watcher?.close());
  } catch {
    watcher = undefined; // e.g. out of inotify watches: the poll still sees every change
  }
  try {
    while (task.following) {
      task.taskPid ??= readPidFile(task.dir, TASK_FILES.task)?.pid;
      // Output is delivered once the task's pid is known, so whoever sees its output can also measure it.
      if (task.taskPid !== undefined) await deliverOutput(state, task, false);
      const exit = readExit(task.dir);
      if (exit) {
        await deliverOutput(state, task, true);
        const { outcome, message } = outcomeOf(task, exit);
        const notes =
          exit.kind === "exited" && exit.leftovers && killReasonOf(task) === undefined
            ? ["The main process exited; stopping the background processes it left running"]
            : [];
        await endTask(state, task, outcome, message, notes);
        return;
      }
      const supervisorAlive = task.supervisorPid !== undefined && task.supervisorPid > 0 && isProcessAlive(task.supervisorPid);
      if (!supervisorAlive && !readExit(task.dir)) {
        await stopOrphanedTask(state, task);
        await deliverOutput(state, task, true);
        const reason = task.killReason ?? SUPERVISOR_DIED;
        await endTask(state, task, { kind: "failed", exitCode: null, reason }, task.killReason ? `Killed: ${reason}` : reason);
        return;
      }
      if (task.following) await sleep(state, task);
    }
  } finally {
    watcher?.close();
  }
}

/**
 * Registers a try as running and follows it once its supervisor's pid is known (`started`; undefined: it could
 * not start, and the launch forgets it; -1: no live supervisor, the loop reports the recorded end or its death).
 */
export function trackTask(
  state: LocalExecutorState,
  req: LaunchRequest,
  dir: string,
  cursors: RunningTask["cursors"],
  started: Promise<number | undefined>,
): RunningTask {
  const task: RunningTask = { req, dir, cursors, following: true, ended: false, done: Promise.resolve() };
  state.running.set(req.key, task);
  task.done = (async () => {
    const pid = await started;
    if (pid === undefined) return; // could not start: the launch rejected and forgot the task
    task.supervisorPid = pid;
    if (task.killReason !== undefined) signalSupervisor(task);
    await follow(state, task);
  })().catch((error: unknown) => state.log.error({ err: error, ...taskFields(req) }, "following the task failed"));
  keepLoop(state, task.done);
  return task;
}
