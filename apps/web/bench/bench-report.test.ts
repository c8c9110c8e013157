import { describe, expect, it } from "vitest";
import { formatExplained, formatReport, judge, type BenchReport } from "./bench-report";
import { summarize } from "./latency-stats";

const fast = summarize([3, 4, 5, 6, 12]);
const slow = summarize([10, 20, 30, 40, 120]);

function report(overall = fast, errors = { errors: 0, timeouts: 0, non2xx: 0 }): BenchReport {
  const endpoint = { ...overall, non2xx: 0, minRows: 10, meanRows: 12.4 };
  return {
    startedAt: "2026-11-21T19:00:00.000Z",
    command: "npm run bench:web",
    machine: { cpus: 2, cpuModel: "AMD EPYC", memoryGiB: 24, node: "v20.20.2", postgres: "17.10", loadBefore: [1, 2, 3], loadAfter: [2, 2, 3] },
    server: { command: "next start", pid: 123 },
    seed: {
      counts: { dags: 1000, dagVersions: 1000, runs: 10_000, taskInstances: 100_000, taskTries: 107_000, loggedTries: 2000, logLines: 400_000 },
      seedSeconds: 41.26,
    },
    load: { durationSeconds: 60, targetRate: 200, connections: 20, variants: 300, requests: 12_000, requestsPerSecond: 199.8, ...errors, statusCodes: { "200": 12_000 }, serverCpuSeconds: 48, postgresCpuSeconds: 12 },
    latency: { overall, endpoints: { "runs.list": endpoint, "runs.grid": endpoint, "logs.forTask": endpoint } },
    memory: { peakSampledRssBytes: 300 * 2 ** 20, hwmBytes: 310 * 2 ** 20, pids: [123], samples: 280 },
    verdict: judge(overall, errors),
  };
}

describe("the web bench report", () => {
  it("passes only with p99 within 50 ms and no failed request", () => {
    expect(judge(fast, { errors: 0, timeouts: 0, non2xx: 0 }).pass).toBe(true);
    expect(judge(slow, { errors: 0, timeouts: 0, non2xx: 0 })).toEqual({
      pass: false,
      lines: ["p99 120 ms > 50 ms: missed", "errors 0 (0 connection errors, 0 timeouts, 0 non-2xx): met"],
    });
    expect(judge(fast, { errors: 0, timeouts: 1, non2xx: 2 }).pass).toBe(false);
    expect(judge(summarize([]), { errors: 0, timeouts: 0, non2xx: 0 }).pass).toBe(false);
  });

  it("prints a markdown table per endpoint and overall, the data sizes, peak RSS and the verdict", () => {
    const text = formatReport(report());
    expect(text).toContain("| Endpoint | requests | p50 ms | p90 ms | p99 ms | max ms | non-2xx | rows per answer (min / mean) |");
    expect(text).toContain("| `runs.list` | 5 | 5.0 | 12 | 12 | 12 | 0 | 10 / 12 |");
    expect(text).toContain("| **all** | 5 | 5.0 | 12 | 12 | 12 | 0 | – |");
    expect(text).toContain("1,000 DAGs (1,000 versions), 10,000 runs, 100,000 task instances");
    expect(text).toContain("seeded in 41.3 s");
    expect(text).toContain("achieved 199.8 requests/s (12,000 requests)");
    expect(text).toContain(
      "CPU during the load: web server 48.0 s (4.0 ms per request, 80 % of one core); Postgres 12.0 s (1.0 ms per request, 20 % of one core).",
    );
    expect(text).toContain("Server peak RSS: 310 MiB (VmHWM, 1 process)");
    expect(text).toMatch(/\*\*PASS\*\* against the targets \(p99 ≤ 50 ms, 0 errors\): p99 12 ms ≤ 50 ms: met/);
    expect(formatReport(report(slow))).toContain("**FAIL**");
  });
});

describe("the EXPLAIN section", () => {
  it("lists every statement per step with its execution time, then the plans", () => {
    const text = formatExplained([
      { step: "runs.list", sql: "SELECT r.id\n  FROM dag_runs r", plan: "Limit (actual rows=10)\nExecution Time: 0.120 ms", executionMs: 0.12 },
    ]);
    expect(text).toContain("| runs.list | 1 | 0.120 | `SELECT r.id FROM dag_runs r` |");
    expect(text).toContain("### 1. runs.list\n\n```\nLimit (actual rows=10)\nExecution Time: 0.120 ms\n```");
  });
});
