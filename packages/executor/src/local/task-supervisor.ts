import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TASK_FILES, writeJsonFile } from "./task-state-files";
import { TASK_SHIM_SOURCE } from "./task-shim-source";

export const TASK_SHIM_FILE = "task-shim.cjs";

/** What the supervisor reads on stdin (never written to disk: `env` holds the task's secrets). */
export interface SupervisorSpec {
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  killGraceMs: number;
  timeoutSeconds: number | null;
}

/** Writes the supervisor program into the state directory (replacing another version) and returns its path. */
export function installTaskShim(stateDir: string): string {
  const path = join(stateDir, TASK_SHIM_FILE);
  let current: string | undefined;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    current = undefined;
  }
  if (current !== TASK_SHIM_SOURCE) {
    // By rename: supervisors still running from the old file are not disturbed.
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, TASK_SHIM_SOURCE, { mode: 0o600 });
    renameSync(tmp, path);
  }
  return path;
}

/**
 * Starts the supervisor of one try in `dir`, detached (its own session and
 * process group, so it survives the scheduler) with an empty environment,
 * and hands it `spec` on stdin. Resolves with its pid once it runs (also
 * recorded in supervisor.json); rejects when it could not be started.
 */
export function startSupervisor(shimPath: string, dir: string, spec: SupervisorSpec): Promise<number> {
  const logFd = openSync(join(dir, TASK_FILES.supervisorLog), "a", 0o600);
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(process.execPath, [shimPath, dir], { cwd: dir, env: {}, detached: true, stdio: ["pipe", "ignore", logFd] });
    } catch (error) {
      reject(error as Error);
      return;
    } finally {
      closeSync(logFd);
    }
    child.stdin!.on("error", () => {
      // A supervisor that died at once: it is reported as such by whoever follows the try.
    });
    child.once("error", (error) => reject(error));
    child.once("spawn", () => {
      const pid = child.pid as number;
      try {
        writeJsonFile(join(dir, TASK_FILES.supervisor), { pid });
      } catch {
        // The supervisor writes it too, first thing.
      }
      child.stdin!.end(JSON.stringify(spec));
      child.unref();
      resolve(pid);
    });
  });
}

/**
 * Whether `pid` is the supervisor of the try in `dir` (not merely some
 * process that got the pid after the supervisor ended): its command line is
 * `node <…/task-shim.cjs> <dir>`. Without /proc, any live process counts.
 */
export function isSupervisorRunning(pid: number, dir: string): boolean {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && !procAvailable()) return isProcessAlive(pid);
    return false;
  }
  const args = cmdline.split("\0");
  return args.some((arg) => arg.endsWith(TASK_SHIM_FILE)) && args.includes(dir);
}

/** The process exists and did not exit (an exited process the init process did not reap yet counts as gone). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.charAt(stat.lastIndexOf(")") + 2) !== "Z";
  } catch {
    return !procAvailable();
  }
}

/**
 * Clock ticks after boot at which `pid` started (field 22 of /proc/<pid>/stat),
 * to tell a task process from a later process that reused its pid.
 */
export function processStartTicks(pid: number): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const value = Number(fields[22 - 3]);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

let procChecked: boolean | undefined;
function procAvailable(): boolean {
  if (procChecked === undefined) {
    try {
      readFileSync("/proc/self/stat");
      procChecked = true;
    } catch {
      procChecked = false;
    }
  }
  return procChecked;
}
