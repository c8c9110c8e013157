import { readFileSync } from "node:fs";

/** Whether a process with this pid exists and is not a zombie. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return readProcStat(pid)?.state !== "Z";
}

/** The command line of a process (Linux /proc), or null where it cannot be read. */
export function readProcessCommandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return null;
  }
}

function readProcStat(pid: number): { state: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "<pid> (<comm>) <state> …" — comm may contain spaces and parentheses.
    const afterComm = stat.slice(stat.lastIndexOf(")") + 2);
    return { state: afterComm.split(" ")[0] ?? "" };
  } catch {
    return null;
  }
}
