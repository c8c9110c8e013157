import { readdir, readFile } from "node:fs/promises";

/** Linux USER_HZ: /proc reports cpu times in clock ticks of 1/100 s. */
const CLOCK_TICKS_PER_SECOND = 100;
const PAGE_SIZE_BYTES = 4096;

export interface ProcStat {
  pid: number;
  pgrp: number;
  /** utime + stime + cutime + cstime, in clock ticks. */
  cpuTicks: number;
  /** Resident set size, in pages. */
  rssPages: number;
}

export interface ProcessGroupUsage {
  cpuSecondsTotal: number;
  memoryBytes: number;
}

/**
 * Parses one `/proc/<pid>/stat` line (see proc(5)). The command name (field
 * 2) is in parentheses and may itself contain spaces and parentheses, so the
 * numeric fields are read after the last ')'. Undefined for anything else.
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  // Fields from 3 (state) on: field n is at index n - 3.
  const rest = text.slice(close + 1).trim().split(/\s+/);
  const field = (n: number) => Number(rest[n - 3]);
  const [pgrp, utime, stime, cutime, cstime, rss] = [field(5), field(14), field(15), field(16), field(17), field(24)];
  if (![pid, pgrp, utime, stime, cutime, cstime, rss].every(Number.isFinite)) return undefined;
  // cutime/cstime: children a process in the group already reaped, so cpu time does not vanish when a child exits.
  return { pid, pgrp, cpuTicks: utime + stime + cutime + cstime, rssPages: rss };
}

/** Sums the stats of every process by process group, for the groups asked for. */
export function sumProcessGroups(stats: Iterable<ProcStat>, groups: ReadonlySet<number>): Map<number, ProcessGroupUsage> {
  const ticks = new Map<number, { cpuTicks: number; rssPages: number }>();
  for (const stat of stats) {
    if (!groups.has(stat.pgrp)) continue;
    const sum = ticks.get(stat.pgrp) ?? { cpuTicks: 0, rssPages: 0 };
    sum.cpuTicks += stat.cpuTicks;
    sum.rssPages += stat.rssPages;
    ticks.set(stat.pgrp, sum);
  }
  return new Map(
    [...ticks].map(([pgrp, sum]) => [
      pgrp,
      { cpuSecondsTotal: sum.cpuTicks / CLOCK_TICKS_PER_SECOND, memoryBytes: sum.rssPages * PAGE_SIZE_BYTES },
    ]),
  );
}

/**
 * Reads `/proc/<pid>/stat` of every process and sums cpu time and resident
 * memory by process group, for the groups asked for (a group missing from
 * the result has no process left). Processes that exit while being read are
 * skipped. On a system without /proc the result is empty.
 */
export async function readProcessGroupUsage(groups: ReadonlySet<number>, procRoot = "/proc"): Promise<Map<number, ProcessGroupUsage>> {
  if (groups.size === 0) return new Map();
  let entries: string[];
  try {
    entries = await readdir(procRoot);
  } catch {
    return new Map();
  }
  const stats = await Promise.all(
    entries
      .filter((name) => /^\d+$/.test(name))
      .map(async (name) => {
        try {
          return parseProcStat(await readFile(`${procRoot}/${name}/stat`, "utf8"));
        } catch {
          return undefined; // exited meanwhile, or not ours to read
        }
      }),
  );
  return sumProcessGroups(
    stats.filter((s): s is ProcStat => s !== undefined),
    groups,
  );
}
