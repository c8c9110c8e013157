import { describe, expect, it } from "vitest";
import { parseChildren, readCpuTicks, readMemoryFromStatus } from "./read-proc-status";

describe("/proc readings for the server's memory", () => {
  it("reads VmRSS and VmHWM in bytes", () => {
    const status = "Name:\tnode\nVmPeak:\t 1000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t11\n";
    expect(readMemoryFromStatus(status)).toEqual({ rssBytes: 100 * 2 ** 20, hwmBytes: 200 * 2 ** 20 });
    expect(readMemoryFromStatus("Name:\tzombie\n")).toEqual({ rssBytes: null, hwmBytes: null });
  });

  it("lists child pids of every thread", () => {
    expect(parseChildren(["12 13 ", "", "14\n"])).toEqual([12, 13, 14]);
  });
});

describe("/proc cpu times", () => {
  it("adds utime and stime, even when the command name has spaces and parentheses", () => {
    const stat = "4242 (next-server (v16)) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 0 0 20 0 11 0 100 1000000 25000";
    expect(readCpuTicks(stat)).toBe(1234 + 567);
  });
});
