import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { readBenchOptions } from "./bench-options";
import { startBenchEnvironment } from "./bench-environment";
import { formatReport, type BenchResults } from "./format-report";
import { measureChain } from "./measure-chain";
import { measureEdgeLatency } from "./measure-edge-latency";
import { measureThroughput } from "./measure-throughput";
import { summarizeCpuProfile } from "./summarize-cpu-profile";

const options = (() => {
  try {
    return readBenchOptions(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
})();

const step = (text: string) => console.error(`[bench] ${text}`);
const loadBefore = loadavg()[0]!;
const env = await startBenchEnvironment({ statementStats: options.profile });
const [pgVersion] = await (async () => {
  const scratch = await env.postgres.createDatabase();
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  await scratch.drop();
  return [rows[0]?.server_version ?? "?"];
})();

const results: BenchResults = {
  command: `npm run bench:scheduler${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
  environment:
    `Machine: ${cpus().length} CPU (${cpus()[0]?.model.trim() ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; ` +
    `Node ${process.version}; Postgres ${pgVersion} (embedded, fsync off, same machine); ${new Date().toISOString().slice(0, 10)}.`,
  latency: [],
  chain: [],
  throughput: [],
  profile: null,
};

try {
  for (const executor of ["noop", "local"] as const) {
    if (options.only.includes("latency")) {
      step(`latency, ${executor} executor: ${options.latencyRuns} runs of an 11-task chain`);
      results.latency.push(await measureEdgeLatency(env, { executor, runs: options.latencyRuns, length: 11, inFlight: 1 }));
    }
    if (options.only.includes("chain")) {
      step(`10-task chain, ${executor} executor, ${options.chainRepeats} times`);
      results.chain.push(await measureChain(env, { executor, length: 10, repeats: options.chainRepeats }));
    }
    if (options.only.includes("throughput")) {
      for (const processes of [1, 2]) {
        step(`throughput, ${executor} executor, ${processes} scheduler process(es): ${options.throughputDags} DAGs × 20 tasks`);
        const profile = options.profile && executor === "noop" && processes === 1;
        const t = await measureThroughput(env, { executor, processes, dags: options.throughputDags, width: 20, profile });
        results.throughput.push(t);
        if (profile && t.profiles[0]) results.profile = { cpu: summarizeCpuProfile(t.profiles[0]), statements: t.statements, taskInstances: t.taskInstances };
      }
    }
  }
} finally {
  await env.close({ keepDir: options.keep });
  if (options.keep) step(`scheduler logs, launch logs and CPU profiles are in ${env.dir}`);
}

// Other work on the machine skews every figure: say how busy it was.
results.environment += ` Load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0]!.toFixed(2)}.`;
const report = formatReport(results);
console.log(report);
if (options.out) writeFileSync(options.out, `${report}\n`);
