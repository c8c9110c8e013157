import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { LaunchRequest } from "../executor";
import { buildTaskEnv } from "./build-task-env";
import { createTryWorkdir } from "./create-try-workdir";
import { trackTask } from "./follow-task";
import { formatCommandLine } from "./format-command-line";
import { keepLoop, taskFields, type LocalExecutorState, type RunningTask } from "./local-executor-state";
import { emitLog, endTask } from "./report-task-end";
import { TASK_FILES, launchRecordOf, makePrivateDir, writeJsonFile } from "./task-state-files";
import { startSupervisor } from "./task-supervisor";

/**
 * Starts a try nobody started yet: its working directory, its state directory with the launch record, and
 * its supervisor. Rejects (and leaves nothing behind) on a host problem, so the caller can retry the launch.
 */
export function launchNewTask(state: LocalExecutorState, req: LaunchRequest): Promise<{ adopted: boolean }> {
  const dir = join(state.stateDir, req.key);
  const cursors = { STDOUT: { offset: 0, skipLines: 0 }, STDERR: { offset: 0, skipLines: 0 } };

  if (req.command.length === 0) {
    const reason = "the task has no command (the local executor runs commands on the host; set `command` in the DAG file)";
    const task: RunningTask = { req, dir, cursors, following: false, ended: false, done: Promise.resolve() };
    state.running.set(req.key, task);
    task.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      endTask(state, task, { kind: "failed", exitCode: null, reason }, reason),
    );
    keepLoop(state, task.done);
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
    return Promise.reject(new Error(`Could not record the launch of ${req.key} in ${state.stateDir}: ${(error as Error).message}`));
  }
  emitLog(state, req, "SYSTEM", `Running: ${formatCommandLine(argv)}\n`);

  const started = startSupervisor(state.shimPath, dir, {
    argv,
    cwd: workdir.path,
    env: buildTaskEnv(req),
    killGraceMs: state.killGraceMs,
    timeoutSeconds: req.executionTimeoutSeconds,
  });
  const task = trackTask(
    state,
    req,
    dir,
    cursors,
    started.catch(() => undefined),
  );
  return started.then(
    (pid) => {
      state.log.debug({ ...taskFields(req), supervisorPid: pid }, "task supervisor started");
      return { adopted: false };
    },
    async (error: unknown) => {
      state.running.delete(req.key);
      task.ended = true;
      await Promise.all([workdir.remove(), rm(dir, { recursive: true, force: true })]).catch(() => undefined);
      throw new Error(`Could not start the task supervisor for ${req.key}: ${(error as Error).message}`);
    },
  );
}
