import { join } from "node:path";
import type { LogStreamName } from "../executor";
import { taskFields, type LocalExecutorState } from "./local-executor-state";
import { TASK_FILES, writeJsonFile } from "./task-state-files";

/**
 * Stops following every running try but leaves it running, records how much of its output is stored
 * (delivered.json: the next executor on this state directory resumes from there), and resolves with the
 * keys of the tries left running. The caller starts nothing after.
 */
export async function detachTasks(state: LocalExecutorState): Promise<string[]> {
  const tasks = [...state.running.values()];
  for (const task of tasks) {
    task.following = false;
    task.wake?.();
  }
  await Promise.all([...tasks.map((task) => task.done), ...state.loops]);
  const left = tasks.filter((task) => !task.ended);
  for (const task of left) {
    let unstored: Partial<Record<LogStreamName, string>> | void = undefined;
    try {
      unstored = await state.events.onDetach?.(task.req);
    } catch (error) {
      state.log.warn({ err: error, ...taskFields(task.req) }, "could not make sure the task's output is stored; the next scheduler may repeat some");
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
      state.log.warn({ err: error, ...taskFields(task.req) }, "could not record how much output is stored; the next scheduler counts the stored lines");
    }
    state.running.delete(task.req.key);
  }
  if (left.length > 0) state.log.info({ tasks: left.length, stateDir: state.stateDir }, "left running tasks to the next scheduler with this id");
  return left.map((task) => task.req.key);
}
