import { cpus, loadavg, totalmem } from "node:os";
import { createDb, type Db } from "@updraft/db";
import { startTestPostgres } from "@updraft/db/testing";
import {
  budgetStatus,
  costOverTime,
  dagRunCosts,
  efficiencyReport,
  isoDay,
  taskTryCosts,
  topTasksByCost,
  usageOverTime,
  type CostReportFilters,
} from "../reports";
import { explainReports } from "./explain-reports";
import { DEFAULT_SEED_SHAPE, seedCostData } from "./seed-cost-data";

/**
 * `npm run bench:reports [-- --tries N --runs R --explain]`: seeds one tenant with
 * 50 DAGs × 20 tasks and 1,000,000 costed tries over 90 days (plus their
 * rollups) in a throwaway Postgres, then times each query of the Costs page
 * (one warm-up, then R runs) and prints median and p95 as a markdown table.
 * Measures only; nothing asserts on time. `--explain` adds EXPLAIN ANALYZE and
 * plain node-postgres timings of the two largest rollup queries.
 */
const TARGET_MS = 200;

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

const step = (text: string) => console.error(`[bench:reports] ${text}`);
const shape = { ...DEFAULT_SEED_SHAPE, tries: argValue("tries", DEFAULT_SEED_SHAPE.tries) };
const repeats = argValue("runs", 20);
const explain = process.argv.includes("--explain");
const loadBefore = loadavg();
const now = new Date();

step("starting a throwaway Postgres");
const postgres = await startTestPostgres();
let db: Db | undefined;
try {
  const scratch = await postgres.createDatabase();
  step(`seeding ${shape.dags} DAGs × ${shape.tasksPerDag} tasks, ${shape.tries.toLocaleString("en-US")} tries over ${shape.days} days`);
  const seeded = await seedCostData(scratch.url, shape, now, step);
  step(`seeded in ${(seeded.seedMs / 1000).toFixed(1)} s: ${seeded.tries.toLocaleString("en-US")} tries, ${seeded.rollups.toLocaleString("en-US")} rollup rows (${seeded.firstDay} … ${seeded.lastDay})`);

  db = createDb(scratch.url, { max: 4 });
  const client = db;
  const today = isoDay(now);
  const daysAgo = (n: number) => isoDay(new Date(now.getTime() - n * 86_400_000));
  const last30: CostReportFilters = { tenantId: seeded.tenantId, from: daysAgo(29), to: today };
  const last90: CostReportFilters = { tenantId: seeded.tenantId, from: daysAgo(89), to: today };
  const dagDbId = seeded.dagDbIds[0]!;

  const queries: [string, () => Promise<unknown>][] = [
    ["costOverTime day, 30 days", () => costOverTime(client, { filters: last30, granularity: "day" })],
    ["costOverTime week, 30 days", () => costOverTime(client, { filters: last30, granularity: "week" })],
    ["costOverTime month, 30 days", () => costOverTime(client, { filters: last30, granularity: "month" })],
    ["costOverTime day, 90 days", () => costOverTime(client, { filters: last90, granularity: "day" })],
    ["costOverTime week, 90 days", () => costOverTime(client, { filters: last90, granularity: "week" })],
    ["costOverTime month, 90 days", () => costOverTime(client, { filters: last90, granularity: "month" })],
    ["costOverTime day, 90 days, tag filter", () => costOverTime(client, { filters: { ...last90, tag: "team-a" }, granularity: "day" })],
    ["topTasksByCost, 90 days", () => topTasksByCost(client, { filters: last90 })],
    ["usageOverTime day, 90 days", () => usageOverTime(client, { filters: last90, granularity: "day" })],
    ["efficiencyReport, 90 days", () => efficiencyReport(client, { filters: last90 })],
    ["budgetStatus", () => budgetStatus(client, { tenantId: seeded.tenantId, now })],
    ["dagRunCosts, one DAG (last 25 runs)", () => dagRunCosts(client, { tenantId: seeded.tenantId, dagDbId })],
    ["taskTryCosts, one task instance", () => taskTryCosts(client, { tenantId: seeded.tenantId, taskInstanceId: seeded.taskInstanceId })],
  ];

  const rows: string[] = [];
  const misses: string[] = [];
  for (const [name, run] of queries) {
    await run(); // warm-up (and the Prisma connection)
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    if (p50 > TARGET_MS) misses.push(name);
    rows.push(`| ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${p50 <= TARGET_MS ? "yes" : "**no**"} |`);
    step(`${name}: median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  }

  const pgVersion = await client.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`;
  const loadAfter = loadavg();
  console.log(
    [
      `## Reports benchmark (${now.toISOString().slice(0, 10)})`,
      "",
      `Machine: ${cpus().length} CPU (${cpus()[0]?.model.trim() ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; Node ${process.version}; ` +
        `Postgres ${pgVersion[0]?.v ?? "?"} (embedded, fsync off, same machine). ` +
        `Load average (1/5/15 min) before: ${loadBefore.map((l) => l.toFixed(2)).join(" / ")}, after: ${loadAfter.map((l) => l.toFixed(2)).join(" / ")}.`,
      "",
      `Seeded: 1 tenant, ${shape.dags} DAGs × ${shape.tasksPerDag} tasks, ${seeded.tries.toLocaleString("en-US")} task tries ` +
        `(${seeded.firstDay} … ${seeded.lastDay}), ${seeded.rollups.toLocaleString("en-US")} cost_rollups rows, in ${(seeded.seedMs / 1000).toFixed(1)} s (incl. VACUUM ANALYZE).`,
      "",
      `Each query: 1 warm-up, then ${repeats} runs, sequential, through Prisma (driver adapter, pg). Target: median ≤ ${TARGET_MS} ms.`,
      "",
      "| Query | median ms | p95 ms | ≤ 200 ms |",
      "| --- | ---: | ---: | :---: |",
      ...rows,
      "",
      misses.length === 0 ? `All ${queries.length} queries meet the target.` : `Over the target: ${misses.join(", ")}.`,
    ].join("\n"),
  );
  if (explain) {
    step("EXPLAIN ANALYZE of the largest rollup queries");
    for (const e of await explainReports(scratch.url, { tenantId: seeded.tenantId, from: last90.from, to: last90.to, repeats })) {
      console.log(`\n### ${e.name}: ${e.rows} rows, plain node-postgres median ${e.plainMedianMs.toFixed(1)} ms\n\n\`\`\`\n${e.plan}\n\`\`\``);
    }
  }
} finally {
  await db?.$disconnect();
  await postgres.stop();
}
