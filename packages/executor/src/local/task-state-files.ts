import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LaunchRequest } from "../executor";

/** The files of one try in the local executor's state directory (`<stateDir>/<key>/`); see task-shim-source.ts. */
export const TASK_FILES = {
  /**
   * The launch without its env and secrets (enough to rebuild the LaunchRequest for the events after a restart),
   * plus `workdir`, the try's working directory.
   */
  launch: "launch.json",
  supervisor: "supervisor.json",
  task: "task.json",
  exit: "exit.json",
  /** Why the executor stopped the task (kill(key, reason)), for the process that reports its end. */
  kill: "kill.json",
  /** Bytes of each output file whose text is stored, written when a scheduler stops following a running task. */
  delivered: "delivered.json",
  stdout: "stdout.log",
  stderr: "stderr.log",
  supervisorLog: "supervisor.log",
} as const;

export type TaskExit =
  | {
      kind: "exited";
      code: number | null;
      signal: NodeJS.Signals | null;
      stopReason: "killed" | "timeout" | null;
      leftovers: boolean;
      startedAt: number | null;
      endedAt: number;
    }
  | { kind: "spawn-error"; code: string | null; message: string; endedAt: number }
  | { kind: "supervisor-error"; message: string; endedAt: number };

export interface DeliveredOffsets {
  STDOUT: number;
  STDERR: number;
}

/** What launch.json holds: every field of the launch except `env` and `secretEnv` (never written to disk). */
export type LaunchRecord = Omit<LaunchRequest, "env" | "secretEnv" | "queuedAt">;

/** What launch.json keeps of a launch: no environment (secrets), and not queuedAt (only the launching scheduler's metric reads it). */
export function launchRecordOf(req: LaunchRequest): LaunchRecord {
  const { env: _env, secretEnv: _secretEnv, queuedAt: _queuedAt, ...record } = req;
  return record;
}

/** The LaunchRequest an adopted try is reported under (its env is not needed to report). */
export function launchRequestFromRecord(value: unknown): LaunchRequest | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Partial<LaunchRecord>;
  const strings = [record.key, record.taskInstanceId, record.tenantSlug, record.dagId, record.runId, record.taskId];
  if (!strings.every((s) => typeof s === "string") || typeof record.tryNumber !== "number" || !Array.isArray(record.command)) {
    return undefined;
  }
  const { workdir: _workdir, ...launch } = record as LaunchRecord & { workdir?: string };
  return { ...launch, args: record.args ?? [], env: {} };
}

/** Parsed JSON of a file, or undefined when it is missing or unreadable (a file being replaced is renamed in whole). */
export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes JSON so a reader sees the old file or the whole new one, never a part. */
export function writeJsonFile(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(value), { mode: 0o600 });
  renameSync(tmp, path);
}

export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
}

/** The try directories in the state directory (one per executor key). */
export function listTaskDirs(stateDir: string): { key: string; dir: string }[] {
  let names: string[];
  try {
    names = readdirSync(stateDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  return names.sort().map((key) => ({ key, dir: join(stateDir, key) }));
}

export function readExit(dir: string): TaskExit | undefined {
  const value = readJsonFile(join(dir, TASK_FILES.exit)) as TaskExit | undefined;
  return value && typeof value === "object" && typeof value.kind === "string" ? value : undefined;
}

export interface PidRecord {
  pid: number;
  startedAt?: number;
  /** Field 22 of /proc/<pid>/stat when the process started (task.json only). */
  startTicks?: number;
}

export function readPidFile(dir: string, name: string): PidRecord | undefined {
  const value = readJsonFile(join(dir, name)) as { pid?: unknown; startedAt?: unknown; startTicks?: unknown } | undefined;
  if (!value || typeof value.pid !== "number" || !Number.isSafeInteger(value.pid) || value.pid <= 0) return undefined;
  return {
    pid: value.pid,
    ...(typeof value.startedAt === "number" ? { startedAt: value.startedAt } : {}),
    ...(typeof value.startTicks === "number" ? { startTicks: value.startTicks } : {}),
  };
}

export function readDelivered(dir: string): DeliveredOffsets | undefined {
  const value = readJsonFile(join(dir, TASK_FILES.delivered)) as Partial<DeliveredOffsets> | undefined;
  if (!value || typeof value.STDOUT !== "number" || typeof value.STDERR !== "number") return undefined;
  return { STDOUT: value.STDOUT, STDERR: value.STDERR };
}
