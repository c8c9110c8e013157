import { rm, rmdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { REPORTED_DIR } from "./reported-keys";
import { listTaskDirs } from "./task-state-files";
import { TASK_SHIM_FILE } from "./task-supervisor";

/** Removes a state directory with no try left in it: the record of reported tries, the task shim, the directory. */
export async function removeStateDirIfEmpty(stateDir: string): Promise<void> {
  if (listTaskDirs(stateDir).length > 0) return;
  await rm(join(stateDir, REPORTED_DIR), { recursive: true, force: true }).catch(() => undefined);
  await unlink(join(stateDir, TASK_SHIM_FILE)).catch(() => undefined);
  await rmdir(stateDir).catch(() => undefined);
}
