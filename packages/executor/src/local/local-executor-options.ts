import type { Logger } from "pino";

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
