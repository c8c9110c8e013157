import { existsSync, watch, type FSWatcher } from "node:fs";
import { rm, rmdir, unlink } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino, { type Logger } from "pino";
import type { Executor, ExecutorEvents, LaunchRequest, LogStreamName, TaskOutcome } from "../executor";
import { createFinishedKeys } from "../finished-keys";
import { buildTaskEnv } from "./build-task-env";
import { createTryWorkdir } from "./create-try-workdir";
import { describeSpawnError } from "./describe-spawn-error";
import { formatCommandLine } from "./format-command-line";
import { killProcessGroup } from "./kill-process-group";
import { readProcessGroupUsage } from "./read-process-group-usage";
import { readTaskOutput, type OutputCursor } from "./read-task-output";
import { REPORTED_DIR, loadReported, recordReported } from "./reported-keys";
import {
  TASK_FILES,
  launchRecordOf,
  launchRequestFromRecord,
  listTaskDirs,
  makePrivateDir,
  readDelivered,
  readExit,
  readJsonFile,
  readPidFile,
  writeJsonFile,
  type TaskExit,
} from "./task-state-files";
import { TASK_SHIM_FILE, installTaskShim, isProcessAlive, isSupervisorRunning, processStartTicks, startSupervisor } from "./task-supervisor";

export interface LocalExecutorOptions {
  /** How long a process group gets between SIGTERM and SIGKILL. Default 5000. */
  killGraceMs?: number;
  logger?: Logger;
  /**
   * Where each try keeps its supervisor's files (output, pid, exit status).
   * A new executor on the same directory (the scheduler restarted with the
   * same id) adopts the tasks the previous one left running. Default: a new
   * directory under the system's temporary directory.
   */
  stateDir?: string;
  /**
   * Whether shutdown() (not detach()) removes the state directory once no try is left in it, with the
   * record of reported tries. Default: true for the default directory, false for a given one (the next
   * executor on it still knows which tries were reported).
   */
  removeStateDirOnShutdown?: boolean;
  /** How often the files are checked when no change notification arrives. Default 200. */
  pollIntervalMs?: number;
}

export interface LocalExecutor extends Executor {
  /** Resolves once the tries found in the state directory were adopted (running) or reported (ended meanwhile). */
  adopt(): Promise<void>;
  /**
   * Stops following the running tasks but leaves them running, records how
   * much of their output is stored, and resolves with their keys: the next
   * executor on the same state directory adopts them. Starts nothing after.
   */
  detach(): Promise<string[]>;
}

type OutputStream = Exclude<LogStreamName, "SYSTEM">;
const OUTPUT_FILES: Record<OutputStream, string> = { STDOUT: TASK_FILES.stdout, STDERR: TASK_FILES.stderr };

interface RunningTask {
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

/** The fields every scheduler log line about a task carries. */
function taskFields(req: LaunchRequest) {
  return { tenant: req.tenantSlug, dag: req.dagId, run: req.runId, task: req.taskId, try: req.tryNumber, key: req.key };
}

const SHUTDOWN_REASON = "the executor shut down while the task was running";
const SUPERVISOR_DIED =
  "the task's supervisor died (killed or crashed) before the task's end was recorded; the task was stopped";

/**
 * Runs each task try as a process group on this host, in its own temporary
 * working directory, under a small detached supervisor (task-shim-source.ts)
 * that writes the task's output and exit status to files in the state
 * directory. The executor follows those files, so tasks outlive a scheduler
 * that stops (detach) and the next executor on the same state
 * directory adopts them. Used by the embedded default (`npm start`).
 */
export function createLocalExecutor(events: ExecutorEvents, options: LocalExecutorOptions = {}): LocalExecutor {
  const killGraceMs = options.killGraceMs ?? 5000;
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  const log = options.logger ?? pino({ name: "local-executor" });
  const stateDir = options.stateDir ?? join(tmpdir(), "updraft-local", randomUUID());
  const running = new Map<string, RunningTask>();
  const finished = createFinishedKeys();
  /** Every follow loop not finished yet, including those reporting an outcome (no longer in `running`). */
  const loops = new Set<Promise<void>>();
  let shuttingDown = false;
  let shimPath = "";

  function emitLog(req: LaunchRequest, stream: LogStreamName, text: string): void {
    try {
      events.onLog(req, stream, text);
    } catch (error) {
      log.error({ err: error, ...taskFields(req) }, "onLog handler threw; log text dropped");
    }
  }

  async function reportExit(req: LaunchRequest, outcome: TaskOutcome): Promise<boolean> {
    try {
      await events.onExit(req, outcome);
      return true;
    } catch (error) {
      log.error({ err: error, ...taskFields(req) }, "onExit handler failed");
      return false;
    }
  }

  function signalSupervisor(task: RunningTask): void {
    if (task.supervisorPid === undefined) return; // not started yet: the launch signals it once it runs
    try {
      process.kill(task.supervisorPid, "SIGTERM");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  }

  function terminate(task: RunningTask, reason: string): void {
    if (task.ended) return;
    if (task.killReason === undefined) {
      task.killReason = reason;
      try {
        writeJsonFile(join(task.dir, TASK_FILES.kill), { reason });
      } catch (error) {
        log.warn({ err: error, ...taskFields(task.req) }, "could not record why the task is stopped");
      }
    }
    signalSupervisor(task);
    task.wake?.();
  }

  function killReasonOf(task: RunningTask): string | undefined {
    if (task.killReason !== undefined) return task.killReason;
    const recorded = readJsonFile(join(task.dir, TASK_FILES.kill)) as { reason?: unknown } | undefined;
    return typeof recorded?.reason === "string" ? recorded.reason : undefined;
  }

  function outcomeOf(task: RunningTask, exit: TaskExit): { outcome: TaskOutcome; message: string } {
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

  async function deliverOutput(task: RunningTask, final: boolean): Promise<void> {
    for (const stream of ["STDOUT", "STDERR"] as const) {
      try {
        await readTaskOutput(join(task.dir, OUTPUT_FILES[stream]), task.cursors[stream], final, (text) => emitLog(task.req, stream, text));
      } catch (error) {
        log.warn({ err: error, ...taskFields(task.req), stream }, "could not read the task's output");
      }
    }
  }

  /** Reports the outcome once; removes the try's files once the outcome is stored (else the next start reports it). */
  async function end(task: RunningTask, outcome: TaskOutcome, message: string, notes: string[] = []): Promise<void> {
    task.ended = true;
    for (const note of notes) emitLog(task.req, "SYSTEM", `${note}\n`);
    emitLog(task.req, "SYSTEM", `${message}\n`);
    running.delete(task.req.key);
    finished.add(task.req.key);
    if (await reportExit(task.req, outcome)) {
      try {
        recordReported(stateDir, task.req.key);
      } catch (error) {
        log.warn({ err: error, ...taskFields(task.req) }, "could not record that the try's outcome was reported");
      }
      await rm(task.dir, { recursive: true, force: true, maxRetries: 3 }).catch((error: unknown) =>
        log.warn({ err: error, dir: task.dir }, "could not remove the try's state directory"),
      );
    }
  }

  /**
   * The supervisor is gone without recording the end: stop the task process if it still runs (its pid not
   * reused) and remove its working directory, as the supervisor would have.
   */
  async function stopOrphanedTask(task: RunningTask): Promise<void> {
    const record = readPidFile(task.dir, TASK_FILES.task);
    const same = record && (record.startTicks === undefined || processStartTicks(record.pid) === record.startTicks);
    if (record && same && isProcessAlive(record.pid)) {
      killProcessGroup(record.pid, "SIGKILL");
      log.warn({ ...taskFields(task.req), pid: record.pid }, "stopped a task whose supervisor died");
    }
    const launch = readJsonFile(join(task.dir, TASK_FILES.launch)) as { workdir?: unknown } | undefined;
    if (typeof launch?.workdir === "string") await rm(launch.workdir, { recursive: true, force: true }).catch(() => undefined);
  }

  /** Until a file of the try changes (or the next poll). */
  function sleep(task: RunningTask): Promise<void> {
    if (task.changed) {
      task.changed = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, pollIntervalMs);
      function done() {
        clearTimeout(timer);
        task.wake = undefined;
        task.changed = false;
        resolve();
      }
      task.wake = done;
    });
  }

  async function follow(task: RunningTask): Promise<void> {
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
        if (task.taskPid !== undefined) await deliverOutput(task, false);
        const exit = readExit(task.dir);
        if (exit) {
          await deliverOutput(task, true);
          const { outcome, message } = outcomeOf(task, exit);
          const notes =
            exit.kind === "exited" && exit.leftovers && killReasonOf(task) === undefined
              ? ["The main process exited; stopping the background processes it left running"]
              : [];
          await end(task, outcome, message, notes);
          return;
        }
        const supervisorAlive = task.supervisorPid !== undefined && task.supervisorPid > 0 && isProcessAlive(task.supervisorPid);
        if (!supervisorAlive && !readExit(task.dir)) {
          await stopOrphanedTask(task);
          await deliverOutput(task, true);
          const reason = task.killReason ?? SUPERVISOR_DIED;
          await end(task, { kind: "failed", exitCode: null, reason }, task.killReason ? `Killed: ${reason}` : reason);
          return;
        }
        if (task.following) await sleep(task);
      }
    } finally {
      watcher?.close();
    }
  }

  function track(req: LaunchRequest, dir: string, cursors: RunningTask["cursors"], started: Promise<number | undefined>): RunningTask {
    const task: RunningTask = { req, dir, cursors, following: true, ended: false, done: Promise.resolve() };
    running.set(req.key, task);
    task.done = (async () => {
      const pid = await started;
      if (pid === undefined) return; // could not start: the launch rejected and forgot the task
      task.supervisorPid = pid;
      if (task.killReason !== undefined) signalSupervisor(task);
      await follow(task);
    })().catch((error: unknown) => log.error({ err: error, ...taskFields(req) }, "following the task failed"));
    loops.add(task.done);
    void task.done.then(() => loops.delete(task.done));
    return task;
  }

  async function storedLogLines(req: LaunchRequest): Promise<number> {
    if (!events.storedLogLines) return 0;
    try {
      const count = await events.storedLogLines(req);
      if (Number.isInteger(count) && count >= 0) return count;
    } catch (error) {
      log.warn({ err: error, ...taskFields(req) }, "could not count the stored log lines; delivering the adopted task's whole output");
    }
    return 0;
  }

  /** A try directory left by an earlier executor on this state directory: follow it again, or report how it ended. */
  async function adopt(key: string, dir: string): Promise<void> {
    const req = launchRequestFromRecord(readJsonFile(join(dir, TASK_FILES.launch)));
    if (!req || req.key !== key) {
      log.warn({ dir }, "a task state directory without a valid launch.json; removing it");
      await rm(dir, { recursive: true, force: true });
      return;
    }
    const supervisor = readPidFile(dir, TASK_FILES.supervisor);
    const alive = supervisor !== undefined && isSupervisorRunning(supervisor.pid, dir);
    const delivered = readDelivered(dir);
    const cursors: RunningTask["cursors"] = delivered
      ? { STDOUT: { offset: delivered.STDOUT, skipLines: 0 }, STDERR: { offset: delivered.STDERR, skipLines: 0 } }
      : // Stopped without recording what was stored (a crash): skip the stored lines (STDERR is not counted).
        { STDOUT: { offset: 0, skipLines: await storedLogLines(req) }, STDERR: { offset: 0, skipLines: 0 } };
    // Once read, the offsets are this executor's to advance; a later adoption falls back to the stored lines.
    await unlink(join(dir, TASK_FILES.delivered)).catch(() => undefined);
    const exited = readExit(dir) !== undefined;
    if (exited) {
      emitLog(req, "SYSTEM", "The task ended while no scheduler followed it; recording its end after a scheduler restart\n");
    } else if (alive) {
      emitLog(req, "SYSTEM", `Resumed following the task (supervisor pid ${String(supervisor.pid)}) after a scheduler restart\n`);
    }
    log.info({ ...taskFields(req), alive, exited }, "adopted a task left by an earlier scheduler");
    // -1: no live supervisor; the follow loop reports the recorded end, or that the supervisor died.
    track(req, dir, cursors, Promise.resolve(alive ? supervisor.pid : -1));
  }

  const ready = (async () => {
    makePrivateDir(stateDir);
    shimPath = installTaskShim(stateDir);
    for (const key of loadReported(stateDir)) finished.add(key);
    for (const { key, dir } of listTaskDirs(stateDir)) {
      if (running.has(key)) continue;
      try {
        await adopt(key, dir);
      } catch (error) {
        log.error({ err: error, key }, "could not adopt a task left by an earlier scheduler");
      }
    }
    if (running.size > 0) log.info({ tasks: running.size }, "adopted the tasks an earlier scheduler left");
  })();
  ready.catch((error: unknown) => log.error({ err: error, stateDir }, "could not prepare the local executor's state directory"));

  function launchNew(req: LaunchRequest): Promise<{ adopted: boolean }> {
    const dir = join(stateDir, req.key);
    const cursors = { STDOUT: { offset: 0, skipLines: 0 }, STDERR: { offset: 0, skipLines: 0 } };

    if (req.command.length === 0) {
      const reason = "the task has no command (the local executor runs commands on the host; set `command` in the DAG file)";
      const task: RunningTask = { req, dir, cursors, following: false, ended: false, done: Promise.resolve() };
      running.set(req.key, task);
      task.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
        end(task, { kind: "failed", exitCode: null, reason }, reason),
      );
      loops.add(task.done);
      void task.done.then(() => loops.delete(task.done));
      return Promise.resolve({ adopted: false });
    }

    const argv = [...req.command, ...req.args];
    let workdir: ReturnType<typeof createTryWorkdir>;
    try {
      workdir = createTryWorkdir(req.key);
    } catch (error) {
      // A host problem (disk full, TMPDIR missing), not the task's fault: let the caller retry the launch.
      return Promise.reject(new Error(`Could not create a working directory for ${req.key}: ${(error as Error).message}`));
    }
    try {
      makePrivateDir(dir);
      writeJsonFile(join(dir, TASK_FILES.launch), { ...launchRecordOf(req), workdir: workdir.path });
    } catch (error) {
      void workdir.remove();
      void rm(dir, { recursive: true, force: true });
      return Promise.reject(new Error(`Could not record the launch of ${req.key} in ${stateDir}: ${(error as Error).message}`));
    }
    emitLog(req, "SYSTEM", `Running: ${formatCommandLine(argv)}\n`);

    const started = startSupervisor(shimPath, dir, {
      argv,
      cwd: workdir.path,
      env: buildTaskEnv(req),
      killGraceMs,
      timeoutSeconds: req.executionTimeoutSeconds,
    });
    const task = track(
      req,
      dir,
      cursors,
      started.catch(() => undefined),
    );
    return started.then(
      (pid) => {
        log.debug({ ...taskFields(req), supervisorPid: pid }, "task supervisor started");
        return { adopted: false };
      },
      async (error: unknown) => {
        running.delete(req.key);
        task.ended = true;
        await Promise.all([workdir.remove(), rm(dir, { recursive: true, force: true })]).catch(() => undefined);
        throw new Error(`Could not start the task supervisor for ${req.key}: ${(error as Error).message}`);
      },
    );
  }

  async function removeStateDirIfEmpty(): Promise<void> {
    if (!(options.removeStateDirOnShutdown ?? options.stateDir === undefined)) return;
    if (listTaskDirs(stateDir).length > 0) return;
    await rm(join(stateDir, REPORTED_DIR), { recursive: true, force: true }).catch(() => undefined);
    await unlink(join(stateDir, TASK_SHIM_FILE)).catch(() => undefined);
    await rmdir(stateDir).catch(() => undefined);
  }

  return {
    name: "local",
    adopt: () => ready,

    async launch(req) {
      if (shuttingDown) throw new Error("The local executor is shutting down and does not start new tasks.");
      await ready;
      if (shuttingDown) throw new Error("The local executor is shutting down and does not start new tasks.");
      if (running.has(req.key) || finished.has(req.key)) return { adopted: true };
      if (existsSync(join(stateDir, req.key))) {
        // Left by an earlier executor after ready (or not adopted then): follow it instead of starting it again.
        await adopt(req.key, join(stateDir, req.key));
        return { adopted: true };
      }
      return launchNew(req);
    },

    async kill(key, reason) {
      const task = running.get(key);
      if (!task) return;
      terminate(task, reason);
      await task.done;
    },

    runningKeys() {
      return [...running.keys()];
    },

    async sampleUsage() {
      for (const task of running.values()) task.taskPid ??= readPidFile(task.dir, TASK_FILES.task)?.pid;
      const tasks = [...running.values()].filter((task) => task.taskPid !== undefined);
      const usage = await readProcessGroupUsage(new Set(tasks.map((task) => task.taskPid!)));
      return tasks.flatMap((task) => {
        const group = usage.get(task.taskPid!);
        return group ? [{ key: task.req.key, cpuSecondsTotal: group.cpuSecondsTotal, memoryBytes: group.memoryBytes }] : [];
      });
    },

    async shutdown() {
      shuttingDown = true;
      await ready.catch(() => undefined);
      const tasks = [...running.values()];
      for (const task of tasks) terminate(task, SHUTDOWN_REASON);
      await Promise.all([...tasks.map((task) => task.done), ...loops]);
      await removeStateDirIfEmpty();
    },

    async detach() {
      shuttingDown = true;
      await ready.catch(() => undefined);
      const tasks = [...running.values()];
      for (const task of tasks) {
        task.following = false;
        task.wake?.();
      }
      await Promise.all([...tasks.map((task) => task.done), ...loops]);
      const left = tasks.filter((task) => !task.ended);
      for (const task of left) {
        let unstored: Partial<Record<LogStreamName, string>> | void = undefined;
        try {
          unstored = await events.onDetach?.(task.req);
        } catch (error) {
          log.warn({ err: error, ...taskFields(task.req) }, "could not make sure the task's output is stored; the next scheduler may repeat some");
        }
        const offsets = Object.fromEntries(
          (["STDOUT", "STDERR"] as const).map((stream) => [
            stream,
            Math.max(0, task.cursors[stream].offset - Buffer.byteLength(unstored?.[stream] ?? "", "utf8")),
          ]),
        );
        try {
          writeJsonFile(join(task.dir, TASK_FILES.delivered), offsets);
        } catch (error) {
          log.warn({ err: error, ...taskFields(task.req) }, "could not record how much output is stored; the next scheduler counts the stored lines");
        }
        running.delete(task.req.key);
      }
      if (left.length > 0) log.info({ tasks: left.length, stateDir }, "left running tasks to the next scheduler with this id");
      return left.map((task) => task.req.key);
    },
  };
}
