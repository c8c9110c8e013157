import { rm, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { LaunchRequest } from "../executor";
import { trackTask } from "./follow-task";
import { taskFields, type LocalExecutorState, type RunningTask } from "./local-executor-state";
import { emitLog } from "./report-task-end";
import { loadReported } from "./reported-keys";
import { TASK_FILES, launchRequestFromRecord, listTaskDirs, makePrivateDir, readDelivered, readExit, readJsonFile, readPidFile } from "./task-state-files";
import { installTaskShim, isSupervisorRunning } from "./task-supervisor";

async function storedLogLines(state: LocalExecutorState, req: LaunchRequest): Promise<number> {
  if (!state.events.storedLogLines) return 0;
  try {
    const count = await state.events.storedLogLines(req);
    if (Number.isInteger(count) && count >= 0) return count;
  } catch (error) {
    state.log.warn({ err: error, ...taskFields(req) }, "could not count the stored log lines; delivering the adopted task's whole output");
  }
  return 0;
}

/** A try directory left by an earlier executor on this state directory: follow it again, or report how it ended. */
export async function adoptTaskDir(state: LocalExecutorState, key: string, dir: string): Promise<void> {
  const req = launchRequestFromRecord(readJsonFile(join(dir, TASK_FILES.launch)));
  if (!req || req.key !== key) {
    state.log.warn({ dir }, "a task state directory without a valid launch.json; removing it");
    await rm(dir, { recursive: true, force: true });
    return;
  }
  const supervisor = readPidFile(dir, TASK_FILES.supervisor);
  const alive = supervisor !== undefined && isSupervisorRunning(supervisor.pid, dir);
  const delivered = readDelivered(dir);
  const cursors: RunningTask["cursors"] = delivered
    ? { STDOUT: { offset: delivered.STDOUT, skipLines: 0 }, STDERR: { offset: delivered.STDERR, skipLines: 0 } }
    : // Stopped without recording what was stored (a crash): skip the stored lines (STDERR is not counted).
      { STDOUT: { offset: 0, skipLines: await storedLogLines(state, req) }, STDERR: { offset: 0, skipLines: 0 } };
  // Once read, the offsets are this executor's to advance; a later adoption falls back to the stored lines.
  await unlink(join(dir, TASK_FILES.delivered)).catch(() => undefined);
  const exited = readExit(dir) !== undefined;
  if (exited) {
    emitLog(state, req, "SYSTEM", "The task ended while no scheduler followed it; recording its end after a scheduler restart\n");
  } else if (alive) {
    emitLog(state, req, "SYSTEM", `Resumed following the task (supervisor pid ${String(supervisor.pid)}) after a scheduler restart\n`);
  }
  state.log.info({ ...taskFields(req), alive, exited }, "adopted a task left by an earlier scheduler");
  // -1: no live supervisor; the follow loop reports the recorded end, or that the supervisor died.
  trackTask(state, req, dir, cursors, Promise.resolve(alive ? supervisor.pid : -1));
}

/**
 * Prepares the state directory (the task shim, the record of reported tries) and adopts every try an earlier
 * executor on it left: running ones are followed again, ended ones reported.
 */
export async function adoptStateDir(state: LocalExecutorState): Promise<void> {
  makePrivateDir(state.stateDir);
  state.shimPath = installTaskShim(state.stateDir);
  for (const key of loadReported(state.stateDir)) state.finished.add(key);
  for (const { key, dir } of listTaskDirs(state.stateDir)) {
    if (state.running.has(key)) continue;
    try {
      await adoptTaskDir(state, key, dir);
    } catch (error) {
      state.log.error({ err: error, key }, "could not adopt a task left by an earlier scheduler");
    }
  }
  if (state.running.size > 0) state.log.info({ tasks: state.running.size }, "adopted the tasks an earlier scheduler left");
}
