import type { Pacing } from "./run-load";

export interface BenchOptions {
  /** Seconds of load. */
  duration: number;
  /** Requests per second over all connections. */
  rate: number;
  connections: number;
  /** How requests are spread over each second (see run-load.ts): `even` (default) or `burst`. */
  pacing: Pacing;
  /** Seconds of load at the same rate before the measured load (JIT, caches, connection pools); not measured. */
  warmup: number;
  /** Which server to start: the image's bundle (`bundle`, default) or the TypeScript source through tsx (`source`). */
  server: "bundle" | "source";
  /** The web server's worker processes (UPDRAFT_WEB_WORKERS): a number, or "auto" for one per CPU. */
  workers: string;
  /** DAGs to seed (× 10 runs × 10 tasks). */
  dags: number;
  /** Request variants per endpoint. */
  variantsPerEndpoint: number;
  /** Build the web app even when apps/web/.next/BUILD_ID exists. */
  build: boolean;
  /** Record a V8 CPU profile of the server (kept with the server log in the scratch folder). */
  profile: boolean;
  /** EXPLAIN ANALYZE the statements behind each endpoint on the seeded database and print the plans. */
  explain: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  duration: 60,
  rate: 200,
  connections: 20,
  pacing: "even",
  warmup: 10,
  server: "bundle",
  workers: "auto",
  dags: 1000,
  variantsPerEndpoint: 100,
  build: false,
  profile: false,
  explain: false,
};

const NUMERIC = ["duration", "rate", "connections", "dags", "variants"] as const;
const TEXT = ["pacing", "warmup", "workers", "server"] as const;
export const USAGE =
  "npm run bench:web -- [--duration=60] [--rate=200] [--pacing=even|burst] [--connections=20 (burst pacing)] [--warmup=10] [--workers=auto|N] [--server=bundle|source] [--dags=1000] [--variants=100] [--quick (10 s of load)] [--build] [--profile] [--explain]";

/**
 * Reads `--name=value` / `--name value` flags, and the `npm_config_<name>`
 * variables npm sets when the flags come without `--` (`npm run bench:web --quick`).
 */
export function parseBenchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): BenchOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}; usage: ${USAGE}`);
    const eq = arg.indexOf("=");
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) flags.set(arg.slice(2), argv[++i]!);
    else flags.set(arg.slice(2), "true");
  }
  for (const name of [...NUMERIC, ...TEXT, "quick", "build", "profile", "explain"]) {
    const value = env[`npm_config_${name}`];
    if (value !== undefined && !flags.has(name)) flags.set(name, value);
  }
  for (const name of flags.keys()) {
    if (![...NUMERIC, ...TEXT, "quick", "build", "profile", "explain", "help"].includes(name)) throw new Error(`unknown option --${name}; usage: ${USAGE}`);
  }
  const number = (name: (typeof NUMERIC)[number], fallback: number) => {
    const text = flags.get(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, got "${text}"`);
    return value;
  };
  const flag = (name: string) => {
    const text = flags.get(name);
    return text !== undefined && text !== "false" && text !== "";
  };
  const pacing = flags.get("pacing") ?? DEFAULT_OPTIONS.pacing;
  if (pacing !== "even" && pacing !== "burst") throw new Error(`--pacing must be "even" or "burst", got "${pacing}"`);
  const warmupText = flags.get("warmup");
  const warmup = warmupText === undefined ? (flag("quick") ? 3 : DEFAULT_OPTIONS.warmup) : Number(warmupText);
  if (!Number.isInteger(warmup) || warmup < 0) throw new Error(`--warmup must be a whole number of seconds (0 for none), got "${warmupText}"`);
  const workers = flags.get("workers") ?? DEFAULT_OPTIONS.workers;
  if (workers !== "auto" && !(Number.isInteger(Number(workers)) && Number(workers) >= 1)) {
    throw new Error(`--workers must be "auto" or a whole number ≥ 1, got "${workers}"`);
  }
  const server = flags.get("server") ?? DEFAULT_OPTIONS.server;
  if (server !== "bundle" && server !== "source") throw new Error(`--server must be "bundle" or "source", got "${server}"`);
  return {
    pacing,
    warmup,
    server,
    workers,
    duration: number("duration", flag("quick") ? 10 : DEFAULT_OPTIONS.duration),
    rate: number("rate", DEFAULT_OPTIONS.rate),
    connections: number("connections", DEFAULT_OPTIONS.connections),
    dags: number("dags", DEFAULT_OPTIONS.dags),
    variantsPerEndpoint: number("variants", DEFAULT_OPTIONS.variantsPerEndpoint),
    build: flag("build"),
    profile: flag("profile"),
    explain: flag("explain"),
  };
}
