import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Db } from "@updraft/db";
import { waitUntil } from "@updraft/config/wait-until";

/** The repository's migrations: a bundle cannot find them relative to its own location (readyz compares against them). */
const MIGRATIONS_DIR = fileURLToPath(new URL("../../../../prisma/migrations", import.meta.url));

export interface SchedulerProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Where its stdout and stderr went. */
  readonly logFile: string;
  /** Resolves when the process has exited (however it ended). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no shutdown, no goodbye; what it ran becomes zombies. */
  kill(): void;
  /** SIGTERM and wait for the graceful shutdown. */
  stop(): Promise<void>;
  /** Peak resident set size so far (VmHWM from /proc), in KiB; null once exited. */
  peakRssKiB(): number | null;
}

export interface SpawnSchedulerOptions {
  /** The bundled scheduler entry to run (buildSchedulerBundle's `main`). */
  main: string;
  /** Scheduler settings (DATABASE_URL, UPDRAFT_*), added to this process's environment. */
  env: Record<string, string>;
  /** Where the child's stdout and stderr go (appended). */
  logFile: string;
  /** Extra node flags, e.g. ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"]. */
  nodeArgs?: string[];
}

/** Starts the bundled scheduler (`node <main>`) as its own process, as `updraft start` and the image do. */
export function spawnSchedulerProcess(options: SpawnSchedulerOptions): SchedulerProcess {
  const log = createWriteStream(options.logFile, { flags: "a" });
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.main], {
    // Port 0: several replicas run on this host, each with its own /metrics listener.
    env: { ...process.env, LOG_LEVEL: "warn", UPDRAFT_METRICS_PORT: "0", UPDRAFT_MIGRATIONS_DIR: MIGRATIONS_DIR, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  if (child.pid === undefined) throw new Error("could not start a scheduler process");
  const pid = child.pid;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  void exited.then(() => setTimeout(() => log.end(), 100));
  return {
    pid,
    child,
    logFile: options.logFile,
    exited,
    kill() {
      child.kill("SIGKILL");
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    peakRssKiB() {
      try {
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
        return match ? Number(match[1]) : null;
      } catch {
        return null;
      }
    },
  };
}

/**
 * Waits until the process has registered as a scheduler replica (it is taking jobs from then on),
 * however long its start takes; fails as soon as the process exits instead.
 */
export async function waitUntilRegistered(db: Db, proc: SchedulerProcess): Promise<void> {
  let exited = false;
  void proc.exited.then(() => (exited = true));
  await waitUntil(
    async () => {
      const row = await db.schedulerInstance.findFirst({ where: { pid: proc.pid, stoppedAt: null }, select: { id: true } });
      if (row) return true;
      if (exited) throw new Error(`scheduler process ${proc.pid} exited before it registered; its log: ${proc.logFile}`);
      return undefined;
    },
    () => `scheduler process ${proc.pid} to register; its log: ${proc.logFile}`,
    { pollMs: 20 },
  );
}
