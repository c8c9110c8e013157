import { readdirSync, readFileSync } from "node:fs";

/**
 * Whether any process other than a zombie is still in process group `pgid`.
 * On Linux it reads /proc (a zombie still counts for kill(-pgid, 0), yet it
 * is already dead and only waits for its parent to reap it); elsewhere it
 * asks kill(-pgid, 0).
 */
export function processGroupAlive(pgid: number): boolean {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return signalZeroSucceeds(pgid);
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp …": comm may contain spaces and parentheses, so parse after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid && fields[0] !== "Z") return true;
  }
  return false;
}

function signalZeroSucceeds(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
