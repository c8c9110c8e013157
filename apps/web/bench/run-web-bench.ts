import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createSession } from "@updraft/api";
import { createDb, DEMO_TENANT_SLUG, migrate, seedDemo, type Db } from "@updraft/db";
import { startTestPostgres, type TestPostgres } from "@updraft/db/testing";
import { parseBenchOptions, USAGE } from "./bench-options";
import { formatExplained, formatReport, judge, type BenchReport, type EndpointFigures } from "./bench-report";
import { freePort } from "./free-port";
import { summarize } from "./latency-stats";
import { pickVariantTargets } from "./pick-variant-targets";
import { buildRequestVariants, ENDPOINTS, type Endpoint, type RequestVariant } from "./request-variants";
import { explainEndpointQueries } from "./explain-endpoint-queries";
import { startRssSampler, treeCpuSeconds } from "./rss-sampler";
import { runLoad } from "./run-load";
import { FULL_SEED_SHAPE, seedBenchData } from "./seed-bench-data";
import { signIn } from "./sign-in";
import { startServerProcess, type ServerProcess } from "./start-server-process";
import { verifyVariants } from "./verify-variants";

/**
 * `npm run bench:web [-- options]`: seeds a throwaway Postgres with the demo
 * tenant, 1,000 DAGs and 100,000 task instances, starts the production web
 * server, signs in as the admin and drives the run list, grid and task log
 * endpoints with autocannon at 200 requests/s for 60 s; prints p50/p90/p99/max
 * per endpoint, errors and the server's peak RSS, writes a JSON report to
 * .updraft/bench/ and says PASS or FAIL against p99 ≤ 50 ms and 0 errors.
 * It measures; it exits 0 whatever the figures.
 */
const options = (() => {
  if (process.argv.includes("--help")) {
    console.log(USAGE);
    process.exit(0);
  }
  return parseBenchOptions(process.argv.slice(2), process.env);
})();
const webDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(webDir, "..", "..");
const benchStarted = performance.now();
const step = (text: string) =>
  console.error(`[bench:web] ${((performance.now() - benchStarted) / 1000).toFixed(1).padStart(6)} s  ${text}`);

const startedAt = new Date();
const loadBefore = loadavg();
const adminEmail = "bench-admin@updraft.local";
const adminPassword = randomBytes(18).toString("base64url");
const scratch = mkdtempSync(join(tmpdir(), "updraft-web-bench-"));

let postgres: TestPostgres | undefined;
let db: Db | undefined;
let server: ServerProcess | undefined;
try {
  step("starting a throwaway Postgres");
  postgres = await startTestPostgres();
  const database = await postgres.createDatabase();
  // From the repository checkout, like the tests' template: migrate()'s default
  // folder (the repository's prisma/migrations) is the right one; only the images
  // and `npm start` pass UPDRAFT_MIGRATIONS_DIR.
  await migrate(database.url);
  db = createDb(database.url, { max: 4 });
  const { tenant, admin } = await seedDemo(db, { adminEmail, adminPassword });

  const shape = { ...FULL_SEED_SHAPE, dags: options.dags };
  step(`seeding ${shape.dags.toLocaleString("en-US")} DAGs × ${shape.runsPerDag} runs × 10 tasks into tenant "${tenant.slug}"`);
  const seeded = await seedBenchData(db, { tenantId: tenant.id, adminId: admin.id, shape, now: startedAt }, step);
  step(`seeded in ${(seeded.seedMs / 1000).toFixed(1)} s: ${JSON.stringify(seeded.counts)}`);
  const targets = await pickVariantTargets(db, { tenantId: tenant.id, tenantSlug: DEMO_TENANT_SLUG, count: options.variantsPerEndpoint });
  const variants = buildRequestVariants(targets, options.variantsPerEndpoint);
  if (options.explain) {
    const session = await createSession(db, { userId: admin.id, ip: "127.0.0.1", userAgent: "bench" });
    const inputOf = (v: RequestVariant) => JSON.parse(new URL(v.path, "http://x").searchParams.get("input")!)[0].json;
    const first = (endpoint: Endpoint) => inputOf(variants.find((v) => v.endpoint === endpoint)!);
    const explained = await explainEndpointQueries({
      databaseUrl: database.url,
      sessionId: session.id,
      user: { id: admin.id, email: admin.email, isPlatformAdmin: admin.isPlatformAdmin },
      calls: { "runs.list": first("runs.list"), "runs.grid": first("runs.grid"), "logs.forTask": first("logs.forTask") },
    });
    console.log(formatExplained(explained));
  }
  const [{ version: postgresVersion, dataDir }] = await db.$queryRawUnsafe<[{ version: string; dataDir: string }]>(
    "SELECT current_setting('server_version') AS version, current_setting('data_directory') AS \"dataDir\"",
  );
  // The postmaster's pid (first line of postmaster.pid): its process tree is every Postgres backend.
  const postgresPid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  await db.$disconnect();
  db = undefined;

  if (options.build || !existsSync(join(webDir, ".next", "BUILD_ID")) || (options.server === "bundle" && !existsSync(join(webDir, "dist", "server.mjs")))) {
    step("building the web app (flock /tmp/updraft-web-build.lock npm run build -w @updraft/web)");
    const build = spawnSync("flock", ["/tmp/updraft-web-build.lock", "npm", "run", "build", "-w", "@updraft/web"], {
      cwd: repoRoot,
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error(`the web build failed (exit ${build.status})`);
  }

  const port = await freePort();
  const serverLog = join(scratch, "web-server.log");
  step(`starting the web server on port ${port} (output in ${serverLog})`);
  server = await startServerProcess({
    webDir,
    port,
    logFile: serverLog,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      PORT: String(port),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      UPDRAFT_SECRET_KEY: randomBytes(32).toString("base64"),
      UPDRAFT_METRICS_PORT: "0",
      UPDRAFT_WEB_WORKERS: options.workers,
    },
    server: options.server,
    nodeArgs: options.profile ? ["--cpu-prof", `--cpu-prof-dir=${join(scratch, "profile")}`] : [],
  });
  const serverCommand = server.command;
  const rss = startRssSampler(server.pid);
  step(`server up (${server.command}, pid ${server.pid}); signing in as ${adminEmail}`);
  const cookie = await signIn(server.baseUrl, { email: adminEmail, password: adminPassword });

  step(`checking all ${variants.length} request variants answer 200 with data`);
  const rows = await verifyVariants(server.baseUrl, cookie, variants);
  for (const endpoint of ENDPOINTS) {
    const r = rows[endpoint];
    step(`  ${endpoint}: ${r.requests} variants ok, ${r.minRows}–${Math.round(r.rows / r.requests)} rows (min–mean)`);
  }

  step(
    options.pacing === "even"
      ? `load: ${options.rate} requests/s for ${options.duration} s, evenly paced (${options.rate} clients at 1 request/s, started ${(1000 / options.rate).toFixed(1)} ms apart)`
      : `load: ${options.rate} requests/s for ${options.duration} s over ${options.connections} connections (autocannon overallRate: each second starts with a burst)`,
  );
  if (options.warmup > 0) {
    step(`warm-up: ${options.warmup} s at the same rate (not measured)`);
    const warm = await runLoad({
      baseUrl: server.baseUrl,
      cookie,
      variants,
      durationSeconds: options.warmup,
      rate: options.rate,
      connections: options.connections,
      pacing: options.pacing,
    });
    step(`  warm-up done: ${warm.requests.toLocaleString("en-US")} requests, ${warm.errors + warm.non2xx} errors`);
  }
  const cpuBefore = await treeCpuSeconds(server.pid);
  const postgresCpuBefore = await treeCpuSeconds(postgresPid);
  const load = await runLoad({
    baseUrl: server.baseUrl,
    cookie,
    variants,
    durationSeconds: options.duration,
    rate: options.rate,
    connections: options.connections,
    pacing: options.pacing,
    onTick: (done, elapsed) => {
      if (Math.round(elapsed) % 10 === 0) step(`  ${done.toLocaleString("en-US")} requests after ${elapsed.toFixed(0)} s`);
    },
  });
  const serverCpuSeconds = (await treeCpuSeconds(server.pid)) - cpuBefore;
  const postgresCpuSeconds = (await treeCpuSeconds(postgresPid)) - postgresCpuBefore;
  const memory = await rss.stop();
  await server.stop();
  server = undefined;

  const endpoints = Object.fromEntries(
    ENDPOINTS.map((endpoint) => {
      const figures: EndpointFigures = {
        ...summarize(load.recorder.of(endpoint)),
        non2xx: load.recorder.non2xx(endpoint),
        minRows: rows[endpoint].minRows,
        meanRows: rows[endpoint].rows / rows[endpoint].requests,
      };
      return [endpoint, figures];
    }),
  ) as Record<Endpoint, EndpointFigures>;
  const overall = summarize(load.recorder.all());
  const args = process.argv.slice(2).join(" ");
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    command: `npm run bench:web${args ? ` -- ${args}` : ""}`,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? "?",
      memoryGiB: totalmem() / 2 ** 30,
      node: process.version,
      postgres: postgresVersion,
      loadBefore,
      loadAfter: loadavg(),
    },
    server: { command: serverCommand, pid: memory.pids[0] ?? 0, workers: options.workers, warmupSeconds: options.warmup },
    seed: { counts: seeded.counts, seedSeconds: seeded.seedMs / 1000 },
    load: {
      durationSeconds: load.durationSeconds,
      targetRate: options.rate,
      pacing: options.pacing,
      connections: options.pacing === "even" ? options.rate : options.connections,
      variants: variants.length,
      requests: load.requests,
      requestsPerSecond: load.requestsPerSecond,
      errors: load.errors,
      timeouts: load.timeouts,
      non2xx: load.non2xx,
      statusCodes: load.statusCodes,
      serverCpuSeconds,
      postgresCpuSeconds,
    },
    latency: { overall, endpoints },
    memory,
    verdict: judge(overall, load),
  };

  console.log(formatReport(report));
  const outDir = join(repoRoot, ".updraft", "bench");
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, `web-${startedAt.toISOString().replaceAll(":", "-").replace(/\.\d+Z$/, "Z")}.json`);
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  step(`JSON report: ${relative(process.cwd(), outFile)}`);
} catch (error) {
  const log = join(scratch, "web-server.log");
  if (existsSync(log)) console.error(`last lines of the web server's output:\n${readFileSync(log, "utf8").split("\n").slice(-40).join("\n")}`);
  throw error;
} finally {
  await server?.stop().catch(() => undefined);
  await db?.$disconnect().catch(() => undefined);
  await postgres?.stop().catch(() => undefined);
  if (options.profile) step(`server output and CPU profile kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
