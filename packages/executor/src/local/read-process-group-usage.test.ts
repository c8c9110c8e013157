import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { waitUntil } from "@updraft/config/wait-until";
import { afterEach, describe, expect, it } from "vitest";
import type { UsageReading } from "../executor";
import { recordExecutorEvents, taskRequest } from "../testing/record-executor-events";
import { createLocalExecutor } from "./create-local-executor";
import { parseProcStat, readProcessGroupUsage, sumProcessGroups } from "./read-process-group-usage";

/** A /proc/<pid>/stat line with the fields this code reads set (others 0). */
function statLine(pid: number, comm: string, f: { pgrp: number; utime: number; stime: number; cutime?: number; cstime?: number; rss: number }): string {
  const fields = Array.from({ length: 50 }, () => "0");
  const set = (n: number, value: number | string) => (fields[n - 3] = String(value));
  set(3, "R");
  set(4, 1);
  set(5, f.pgrp);
  set(14, f.utime);
  set(15, f.stime);
  set(16, f.cutime ?? 0);
  set(17, f.cstime ?? 0);
  set(24, f.rss);
  return `${pid} (${comm}) ${fields.join(" ")}\n`;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("parseProcStat", () => {
  it("reads pgrp, cpu ticks (own and reaped children's) and rss, even with ') (' in the command name", () => {
    expect(parseProcStat(statLine(42, "we ird) (name", { pgrp: 40, utime: 150, stime: 50, cutime: 7, cstime: 3, rss: 256 }))).toEqual({
      pid: 42,
      pgrp: 40,
      cpuTicks: 210,
      rssPages: 256,
    });
  });

  it("parses a real line of this process", async () => {
    const { readFile } = await import("node:fs/promises");
    const stat = parseProcStat(await readFile("/proc/self/stat", "utf8"));
    expect(stat?.pid).toBeGreaterThan(0);
    expect(stat?.rssPages).toBeGreaterThan(0);
  });

  it("refuses garbage", () => {
    expect(parseProcStat("")).toBeUndefined();
    expect(parseProcStat("12 (x) R 1")).toBeUndefined();
  });
});

describe("sumProcessGroups", () => {
  it("sums every process of each requested group: ticks / 100 as seconds, pages × 4096 as bytes", () => {
    const usage = sumProcessGroups(
      [
        { pid: 10, pgrp: 10, cpuTicks: 150, rssPages: 100 },
        { pid: 11, pgrp: 10, cpuTicks: 50, rssPages: 28 },
        { pid: 20, pgrp: 20, cpuTicks: 999, rssPages: 999 },
      ],
      new Set([10, 30]),
    );
    expect([...usage]).toEqual([[10, { cpuSecondsTotal: 2, memoryBytes: 128 * 4096 }]]);
  });
});

describe("readProcessGroupUsage", () => {
  it("reads a proc tree, skipping entries that are not processes or vanished mid-read", async () => {
    const root = mkdtempSync(join(tmpdir(), "fake-proc-"));
    dirs.push(root);
    const put = (pid: string, text: string | null) => {
      mkdirSync(join(root, pid));
      if (text !== null) writeFileSync(join(root, pid, "stat"), text);
    };
    put("100", statLine(100, "sh", { pgrp: 100, utime: 10, stime: 10, rss: 10 }));
    put("101", statLine(101, "python3", { pgrp: 100, utime: 300, stime: 0, rss: 90 }));
    put("102", null); // exited between readdir and read
    put("self", statLine(1, "x", { pgrp: 100, utime: 1000, stime: 0, rss: 1 }));
    put("200", statLine(200, "other", { pgrp: 200, utime: 1, stime: 1, rss: 1 }));
    const usage = await readProcessGroupUsage(new Set([100]), root);
    expect([...usage]).toEqual([[100, { cpuSecondsTotal: 3.2, memoryBytes: 100 * 4096 }]]);
  });

  it("is empty without /proc", async () => {
    expect((await readProcessGroupUsage(new Set([1]), "/nonexistent-proc")).size).toBe(0);
  });
});

describe("local executor sampleUsage", () => {
  it("reports cumulative cpu-seconds and resident memory of a running task's process group", async () => {
    const recorder = recordExecutorEvents();
    const executor = createLocalExecutor(recorder.handlers, { logger: pino({ level: "silent" }) });
    try {
      // A child burning cpu inside the task's group, printing when it started.
      const req = taskRequest(["sh", "-c", "(echo started; while :; do :; done) & wait"]);
      await executor.launch(req);
      await recorder.waitFor(() => (recorder.output(req.key, "STDOUT").includes("started") ? true : undefined));
      // Poll until the busy loop has used some cpu (no timing assumptions beyond "eventually").
      let reading: UsageReading | undefined;
      await waitUntil(
        async () => {
          [reading] = await executor.sampleUsage!();
          return !reading || reading.cpuSecondsTotal! >= 0.2;
        },
        () => `the busy loop to use 0.2 s of cpu (last reading: ${JSON.stringify(reading)})`,
        { pollMs: 50 },
      );
      expect(reading).toMatchObject({ key: req.key });
      expect(reading!.memoryBytes).toBeGreaterThan(0);
      expect(reading!.cpuCores).toBeUndefined();
      await executor.kill(req.key, "done");
      expect(await executor.sampleUsage!()).toEqual([]);
    } finally {
      await executor.shutdown();
    }
  });
});
