/**
 * Sends `signal` to every process in the group led by `pgid` (the task process
 * and anything it started that did not leave the group).
 * Returns false when the group no longer exists.
 */
export function killProcessGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}
