import type { LoadResult, Pacing } from "./run-load";
import type { ExplainedQuery } from "./explain-endpoint-queries";
import type { LatencySummary } from "./latency-stats";
import type { Endpoint } from "./request-variants";
import type { BenchSeedCounts } from "./seed-bench-data";

export const TARGETS = { p99Ms: 50, errors: 0 } as const;

export interface EndpointFigures extends LatencySummary {
  non2xx: number;
  /** Rows of real data per answer, checked before the load (min / mean). */
  minRows: number;
  meanRows: number;
}

export interface BenchReport {
  startedAt: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; postgres: string; loadBefore: number[]; loadAfter: number[] };
  server: { command: string; pid: number; workers?: string; warmupSeconds?: number };
  seed: { counts: BenchSeedCounts; seedSeconds: number };
  /** What the measured load did (runLoad's counts, without the per-request timings) and its CPU cost. */
  load: Omit<LoadResult, "recorder"> & {
    targetRate: number;
    /** `even`: one client per request per second, started evenly over the second; `burst`: autocannon's overallRate. */
    pacing?: Pacing;
    connections: number;
    variants: number;
    /** CPU seconds (user + system) the server process tree used during the load. */
    serverCpuSeconds: number;
    /** CPU seconds all Postgres processes used during the load. */
    postgresCpuSeconds: number;
  };
  latency: { overall: LatencySummary; endpoints: Record<Endpoint, EndpointFigures> };
  memory: { peakSampledRssBytes: number; hwmBytes: number; pids: number[]; samples: number };
  verdict: Verdict;
}

export interface Verdict {
  pass: boolean;
  /** One line per target: met or missed, with the figure. */
  lines: string[];
}

/** PASS when the overall p99 is within the target and no request failed (connection error, timeout or non-2xx). */
export function judge(overall: LatencySummary, load: { errors: number; timeouts: number; non2xx: number }): Verdict {
  const failed = load.errors + load.timeouts + load.non2xx;
  const p99ok = overall.count > 0 && overall.p99 <= TARGETS.p99Ms;
  const errorsOk = failed <= TARGETS.errors;
  return {
    pass: p99ok && errorsOk,
    lines: [
      `p99 ${ms(overall.p99)} ms ${p99ok ? "≤" : ">"} ${TARGETS.p99Ms} ms: ${p99ok ? "met" : "missed"}`,
      `errors ${failed} (${load.errors} connection errors, ${load.timeouts} timeouts, ${load.non2xx} non-2xx): ${errorsOk ? "met" : "missed"}`,
    ],
  };
}

const ms = (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(1) : value.toFixed(0)) : "–");
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const int = (value: number) => value.toLocaleString("en-US");
const cpuLine = (seconds: number, load: { requests: number; durationSeconds: number }) =>
  `${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, load.requests)).toFixed(1)} ms per request, ` +
  `${((seconds / Math.max(1e-9, load.durationSeconds)) * 100).toFixed(0)} % of one core)`;

/** The printed report: figures as a markdown table, then PASS/FAIL against the targets. */
export function formatReport(report: BenchReport): string {
  const { load, latency, memory, seed, machine } = report;
  const row = (name: string, s: LatencySummary, non2xx: number, rows: string) =>
    `| ${name} | ${int(s.count)} | ${ms(s.p50)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.max)} | ${int(non2xx)} | ${rows} |`;
  const endpointRows = Object.entries(latency.endpoints).map(([name, e]) =>
    row(`\`${name}\``, e, e.non2xx, `${int(e.minRows)} / ${e.meanRows.toFixed(0)}`),
  );
  return [
    `## Web load benchmark (${report.startedAt})`,
    "",
    `Command: \`${report.command}\`; server: \`${report.server.command}\` (NODE_ENV=production${report.server.workers ? `, UPDRAFT_WEB_WORKERS=${report.server.workers}` : ""})${report.server.warmupSeconds ? `, after ${report.server.warmupSeconds} s of unmeasured warm-up at the same rate` : ""}.`,
    `Machine: ${machine.cpus} CPU (${machine.cpuModel}), ${machine.memoryGiB.toFixed(0)} GiB RAM; Node ${machine.node}; Postgres ${machine.postgres} (embedded, fsync off, same machine). ` +
      `Load average (1/5/15 min) before: ${machine.loadBefore.map((l) => l.toFixed(2)).join(" / ")}, after: ${machine.loadAfter.map((l) => l.toFixed(2)).join(" / ")}.`,
    `Data: ${int(seed.counts.dags)} DAGs (${int(seed.counts.dagVersions)} versions), ${int(seed.counts.runs)} runs, ${int(seed.counts.taskInstances)} task instances, ` +
      `${int(seed.counts.taskTries)} tries, ${int(seed.counts.logLines)} log lines over ${int(seed.counts.loggedTries)} tries; seeded in ${seed.seedSeconds.toFixed(1)} s.`,
    `Load: ${load.targetRate} requests/s for ${load.durationSeconds.toFixed(0)} s over ${load.connections} connections${load.pacing === "even" ? " (evenly paced: one request every " + (1000 / load.targetRate).toFixed(1) + " ms)" : load.pacing === "burst" ? " (autocannon overallRate: each second starts with a burst)" : ""}, cycling through ${int(load.variants)} request variants ` +
      `(each checked first: 200 with rows); achieved ${load.requestsPerSecond.toFixed(1)} requests/s (${int(load.requests)} requests).`,
    "",
    "| Endpoint | requests | p50 ms | p90 ms | p99 ms | max ms | non-2xx | rows per answer (min / mean) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...endpointRows,
    row("**all**", latency.overall, load.non2xx, "–"),
    "",
    `Errors: ${int(load.errors)} connection errors, ${int(load.timeouts)} timeouts, ${int(load.non2xx)} non-2xx responses.`,
    `CPU during the load: web server ${cpuLine(load.serverCpuSeconds, load)}; Postgres ${cpuLine(load.postgresCpuSeconds, load)}.`,
    `Server peak RSS: ${mib(memory.hwmBytes)} (VmHWM, ${memory.pids.length} process${memory.pids.length === 1 ? "" : "es"}); highest sampled VmRSS ${mib(memory.peakSampledRssBytes)} (${int(memory.samples)} samples every 250 ms).`,
    "",
    `**${report.verdict.pass ? "PASS" : "FAIL"}** against the targets (p99 ≤ ${TARGETS.p99Ms} ms, ${TARGETS.errors} errors): ${report.verdict.lines.join("; ")}.`,
  ].join("\n");
}

/** The statements behind each endpoint with their EXPLAIN ANALYZE plans, as markdown. */
export function formatExplained(explained: readonly ExplainedQuery[]): string {
  const lines = ["## Statements per endpoint (EXPLAIN ANALYZE on the seeded database)", ""];
  lines.push("| Step | # | Execution ms | Statement |", "| --- | ---: | ---: | --- |");
  explained.forEach((e, i) => {
    const sql = e.sql.replace(/\s+/g, " ").trim();
    lines.push(`| ${e.step} | ${i + 1} | ${e.executionMs.toFixed(3)} | \`${sql.length > 140 ? `${sql.slice(0, 140)}…` : sql}\` |`);
  });
  for (const [i, e] of explained.entries()) lines.push("", `### ${i + 1}. ${e.step}`, "", "```", e.plan, "```");
  return lines.join("\n");
}
