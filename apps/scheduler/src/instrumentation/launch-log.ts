import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import type { JobObservation, LaunchObservation, SchedulerObserver } from "./scheduler-observer";

/**
 * An observer that appends one line per launch (and, with `jobs`, per job)
 * to a file opened with O_APPEND. Each line is one write(2) of well under
 * PIPE_BUF bytes, so lines from several scheduler processes never interleave,
 * and a line written is in the kernel: a SIGKILL right after loses nothing.
 *
 *   launch <key> <taskInstanceId> <tryNumber> <schedulerId> <adopted 0|1> <calledAt>
 *   job    <name> <subject> <startedAt> <endedAt> <ok 0|1>
 */
export function createLaunchLogObserver(path: string, options: { jobs?: boolean } = {}): SchedulerObserver & { close(): void } {
  const fd = openSync(path, "a");
  let open = true;
  const write = (line: string) => {
    if (open) writeSync(fd, line);
  };
  return {
    onLaunch(l) {
      write(`launch ${l.key} ${l.taskInstanceId} ${l.tryNumber} ${l.schedulerId} ${l.adopted ? 1 : 0} ${l.calledAt.toFixed(3)}\n`);
    },
    onJob: options.jobs
      ? (j) => write(`job ${j.name} ${j.subject} ${j.startedAt.toFixed(3)} ${j.endedAt.toFixed(3)} ${j.ok ? 1 : 0}\n`)
      : undefined,
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}

export interface LaunchLog {
  launches: LaunchObservation[];
  jobs: JobObservation[];
}

/** Reads a file written by createLaunchLogObserver (by any number of processes). */
export function readLaunchLog(path: string): LaunchLog {
  const log: LaunchLog = { launches: [], jobs: [] };
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const f = line.split(" ");
    if (f[0] === "launch" && f.length === 7) {
      log.launches.push({
        key: f[1]!,
        taskInstanceId: f[2]!,
        tryNumber: Number(f[3]),
        schedulerId: f[4]!,
        adopted: f[5] === "1",
        calledAt: Number(f[6]),
      });
    } else if (f[0] === "job" && f.length === 6) {
      log.jobs.push({ name: f[1]!, subject: f[2]!, startedAt: Number(f[3]), endedAt: Number(f[4]), ok: f[5] === "1" });
    }
  }
  return log;
}
