import { join } from "node:path";
import { spawnSchedulerProcess, type SchedulerProcess } from "./scheduler-process";
import { schedulerMain } from "./scheduler-main";

export interface SchedulerProcessSet {
  /** Spawns a scheduler process logging to `<logDir>/scheduler-<n>.log` (n counts from 1 per set). */
  spawn(logDir: string, env: Record<string, string>): SchedulerProcess;
  /** Stops every process of the set that is still running (for afterAll). */
  stopAll(): Promise<void>;
}

/** Scheduler processes a test spawns one after another, kept track of so that none outlives the test file. */
export function createSchedulerProcessSet(): SchedulerProcessSet {
  const live = new Set<SchedulerProcess>();
  let started = 0;
  return {
    spawn(logDir, env) {
      const proc = spawnSchedulerProcess({ main: schedulerMain(), logFile: join(logDir, `scheduler-${++started}.log`), env });
      live.add(proc);
      void proc.exited.then(() => live.delete(proc));
      return proc;
    },
    async stopAll() {
      await Promise.all([...live].map((p) => p.stop()));
    },
  };
}
