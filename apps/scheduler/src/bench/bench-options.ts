import { z } from "zod";

const SCENARIOS = ["latency", "chain", "throughput"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BenchOptions {
  quick: boolean;
  profile: boolean;
  only: Scenario[];
  out: string | null;
  /** Keep the scratch folder (scheduler logs, launch logs, CPU profiles) for a closer look. */
  keep: boolean;
  /** Sizes (smaller with --quick). */
  latencyRuns: number;
  chainRepeats: number;
  throughputDags: number;
}

const USAGE = `usage: npm run bench:scheduler -- [--quick] [--profile] [--scenarios=latency,chain,throughput] [--out=report.md]
  --quick    smaller sizes (200 latency edges, 3 chains, 50 DAGs × 20 tasks): a re-run in about a minute
  --profile  record a CPU profile of the scheduler process during the noop throughput run and print its hot spots
  --scenarios  run only these (comma-separated)
  --out      also write the markdown report to this file
  --keep     keep the scratch folder (scheduler and launch logs, CPU profiles) and print where it is`;

/**
 * Reads the benchmark's command line, explaining what is wrong. Through the
 * root script (\`npm run bench:scheduler -- --quick\`) npm swallows the flags
 * as its own config and hands them over as npm_config_* variables; those
 * count too.
 */
export function readBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const flags = new Map<string, string | true>();
  for (const name of ["quick", "profile", "scenarios", "out", "keep"]) {
    const value = env[`npm_config_${name}`];
    if (value && value !== "false") flags.set(name, value === "true" ? true : value);
  }
  for (const arg of argv) {
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unexpected argument ${JSON.stringify(arg)}\n${USAGE}`);
    flags.set(match[1]!, match[2] ?? true);
  }
  const unknown = [...flags.keys()].filter((k) => !["quick", "profile", "scenarios", "out", "keep", "help"].includes(k));
  if (unknown.length > 0 || flags.has("help")) throw new Error(`${unknown.length ? `unknown option --${unknown[0]}\n` : ""}${USAGE}`);
  const only = flags.get("scenarios");
  const scenarios = z
    .array(z.enum(SCENARIOS, { error: `--scenarios takes ${SCENARIOS.join(", ")}` }))
    .parse(typeof only === "string" ? only.split(",").filter(Boolean) : [...SCENARIOS]);
  const out = flags.get("out");
  const quick = flags.has("quick");
  return {
    quick,
    profile: flags.has("profile"),
    only: scenarios,
    out: typeof out === "string" ? out : null,
    keep: flags.has("keep"),
    latencyRuns: quick ? 20 : 100,
    chainRepeats: quick ? 3 : 5,
    throughputDags: quick ? 50 : 200,
  };
}
