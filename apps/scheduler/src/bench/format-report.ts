import type { ChainTiming } from "./measure-chain";
import type { EdgeLatency } from "./measure-edge-latency";
import type { Throughput } from "./measure-throughput";
import type { Distribution } from "./percentiles";
import type { StatementStats } from "./statement-stats";
import type { ProfileSummary } from "./summarize-cpu-profile";

export interface BenchResults {
  command: string;
  environment: string;
  latency: EdgeLatency[];
  chain: ChainTiming[];
  throughput: Throughput[];
  profile: { cpu: ProfileSummary; statements: StatementStats | null; taskInstances: number } | null;
}

const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms` : "–");
const pcts = (d: Distribution) => `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.p99)}`;
const verdict = (ok: boolean) => (ok ? "✅ met" : "❌ missed");

/** The benchmark's markdown report: the summary table with targets, then details and definitions. */
export function formatReport(r: BenchResults): string {
  const lines: string[] = [];
  lines.push(`Command: \`${r.command}\``, "", r.environment, "");
  lines.push("| # | Measure | Executor | Result | Target | |", "|---|---|---|---|---|---|");
  for (const l of r.latency) {
    const ok = l.commitToLaunch.p50 <= 10 && l.commitToLaunch.p99 <= 50;
    lines.push(
      `| 1 | Latency, success committed → downstream launch, p50 / p95 / p99 over ${l.edges} edges | ${l.executor} | ${pcts(l.commitToLaunch)} | p50 ≤ 10 ms, p99 ≤ 50 ms | ${verdict(ok)} |`,
    );
  }
  for (const c of r.chain) {
    const target = c.executor === "local" ? "≤ 500 ms" : "–";
    const ok = c.executor === "local" ? verdict(c.medianMs <= 500) : "";
    lines.push(
      `| 2 | Chain of ${c.length} \`true\` tasks, trigger → run success, median of ${c.wallMs.length} | ${c.executor} | ${ms(c.medianMs)} | ${target} | ${ok} |`,
    );
  }
  for (const t of r.throughput) {
    const target = t.executor === "noop" ? "≥ 1,000 TI/s" : "–";
    const ok = t.executor === "noop" ? verdict(t.perSecond >= 1000) : "";
    lines.push(
      `| 3 | Throughput, ${t.dags} DAGs × ${t.width} independent tasks, ${t.processes} scheduler process${t.processes > 1 ? "es" : ""} | ${t.executor} | ${t.perSecond.toFixed(0)} TI/s (${t.taskInstances} in ${t.seconds.toFixed(1)} s) | ${target} | ${ok} |`,
    );
  }
  for (const t of r.throughput) {
    lines.push(
      `| 4 | Peak RSS of each scheduler process during 3 (${t.processes} process${t.processes > 1 ? "es" : ""}) | ${t.executor} | ${t.peakRssMiB.map((m) => `${m.toFixed(0)} MiB`).join(", ")} | – | |`,
    );
  }

  if (r.latency.length > 0) {
    lines.push("", "One dependency edge, step by step (p50 / p95 / p99; steps marked ms-clock use the executor's millisecond exit time):", "");
    lines.push(`| Step | ${r.latency.map((l) => l.executor).join(" | ")} |`, `|---|${r.latency.map(() => "---").join("|")}|`);
    const row = (name: string, pick: (l: EdgeLatency) => Distribution) =>
      lines.push(`| ${name} | ${r.latency.map((l) => pcts(pick(l))).join(" | ")} |`);
    row("a. upstream launch() → its process exits (executor; ms clock)", (l) => l.launchToExit);
    row("b. exit → its `task_event` job starts (store last log lines, enqueue, hand-off; ms clock)", (l) => l.exitToEvent);
    row("c. `task_event` job: record outcome, advance run, admit, enqueue launch (one transaction)", (l) => l.recordOutcome);
    row("d. commit → downstream `launch_task` job starts (hand-off)", (l) => l.handOff);
    row("e. `launch_task` job → `executor.launch()` (claim the try, render it)", (l) => l.claim);
    row("**d + e = latency (1)**", (l) => l.commitToLaunch);
    row("b + c + d + e = upstream exit → downstream launch (ms clock)", (l) => l.exitToLaunch);
  }
  if (r.chain.length > 0) {
    lines.push("", "Chain runs (each, ms): " + r.chain.map((c) => `${c.executor}: ${c.wallMs.map((v) => v.toFixed(0)).join(", ")}`).join("; "));
  }
  if (r.throughput.length > 0) {
    lines.push("", "Where the CPU went during throughput (cores busy on average; this machine has " + (r.environment.match(/(\d+) CPU/)?.[1] ?? "?") + "):", "");
    lines.push("| Run | machine | scheduler process(es) | Postgres and the rest | benchmark's polling | Postgres transactions per task instance |");
    lines.push("|---|---|---|---|---|---|");
    for (const t of r.throughput) {
      lines.push(
        `| ${t.executor}, ${t.processes}p | ${t.cores.machine.toFixed(2)} | ${t.cores.schedulers.toFixed(2)} | ${t.cores.postgresAndRest.toFixed(2)} | ${t.cores.benchmark.toFixed(2)} | ${t.transactionsPerTask.toFixed(1)} |`,
      );
    }
  }
  if (r.profile) {
    const { cpu, statements, taskInstances } = r.profile;
    lines.push("", `CPU profile of the scheduler process (noop throughput, 1 process, ${cpu.totalMs.toFixed(0)} ms of CPU sampled), self time by area:`, "");
    lines.push("| Area | CPU | share |", "|---|---|---|");
    for (const a of cpu.byArea) lines.push(`| ${a.name} | ${a.ms.toFixed(0)} ms | ${(a.share * 100).toFixed(1)}% |`);
    lines.push("", "Hottest functions (self time):", "", "| Function | CPU | share |", "|---|---|---|");
    for (const f of cpu.byFunction) lines.push(`| \`${f.name}\` | ${f.ms.toFixed(0)} ms | ${(f.share * 100).toFixed(1)}% |`);
    if (statements) {
      lines.push(
        "",
        `Postgres statements during the same run (pg_stat_statements): ${(statements.calls / taskInstances).toFixed(1)} statements and ` +
          `${(statements.totalMs / taskInstances).toFixed(2)} ms of execution per task instance; most expensive:`,
        "",
        "| Statement | calls per TI | mean | total |",
        "|---|---|---|---|",
      );
      for (const s of statements.top) {
        lines.push(`| \`${s.query.replaceAll("|", "\\|")}\` | ${(s.calls / taskInstances).toFixed(2)} | ${s.meanMs.toFixed(2)} ms | ${s.totalMs.toFixed(0)} ms |`);
      }
    }
  }
  lines.push(
    "",
    "Definitions:",
    "",
    "- **Latency** (1): for every dependency edge u → d, from the moment the scheduler's `task_event` job for u's try returned " +
      "(its transaction — recording SUCCESS, advancing the run, admitting d and enqueuing d's `launch_task` — committed) to the " +
      "moment the scheduler called `executor.launch()` for d's try. Both instants are taken in the scheduler process with " +
      "`performance.timeOrigin + performance.now()` and written to its launch log. " +
      `Chains of 11 tasks, ${r.latency[0]?.inFlight ?? 1} run(s) in flight at a time, after one untimed warm-up run. ` +
      "The breakdown splits it into the queue hand-off (commit → d's `launch_task` job starts on a worker) and the claim " +
      "(`startTaskTry`: QUEUED → RUNNING, render the command). \"exit → downstream launch\" starts earlier, when the upstream " +
      "process exited (the executor's `onExit`, ms clock), and so includes the `task_event` hand-off and transaction.",
    "- **Chain** (2): `triggerDagRun` called → the run's row reads SUCCESS (polled every 2 ms); one run at a time, after one untimed warm-up run.",
    "- **Throughput** (3): all runs are created in one transaction; from its commit to the last run's `ended_at`; task instances / seconds. " +
      "Scheduler processes are started like `updraft start` does (`node` on the scheduler bundle built from the current sources, concurrency 16), each with its own Postgres connections. " +
      "DAGs set `max_active_tasks: 20`; the tenant's default_pool keeps its 128 slots.",
    "- **Peak RSS** (4): `VmHWM` from `/proc/<pid>/status` of each scheduler process at the end of (3).",
  );
  return lines.join("\n");
}
