/** VmRSS and VmHWM (peak RSS) of a /proc/<pid>/status text, in bytes; null when absent. */
export function readMemoryFromStatus(text: string): { rssBytes: number | null; hwmBytes: number | null } {
  const kib = (name: string): number | null => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB$`, "m").exec(text);
    return match ? Number(match[1]) * 1024 : null;
  };
  return { rssBytes: kib("VmRSS"), hwmBytes: kib("VmHWM") };
}

/** The child pids listed in /proc/<pid>/task/<tid>/children texts (space separated). */
export function parseChildren(texts: readonly string[]): number[] {
  return texts.flatMap((t) => t.trim().split(/\s+/).filter(Boolean).map(Number)).filter((n) => Number.isInteger(n) && n > 0);
}

/** utime + stime (clock ticks) of a /proc/<pid>/stat line; the command name may hold spaces and parentheses. */
export function readCpuTicks(statText: string): number {
  const fields = statText.slice(statText.lastIndexOf(")") + 2).split(" ");
  // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15.
  return Number(fields[11]) + Number(fields[12]);
}
