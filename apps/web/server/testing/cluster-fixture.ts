// The UPDRAFT_WEB_WORKERS > 1 server with a fake app instead of Next, run in its own process
// (bundled by fixture-bundles-global-setup.ts, started by spawnFixture) for run-cluster-primary.test.ts.
// The primary is the real runClusterPrimary; each worker wires the real pieces as start-web-server.ts does.
// Worker routes: GET /pid answers the worker's pid; GET /slow answers only after the test writes
// "release" to the primary's stdin (the primary passes it on to every worker).
// FIXTURE_CRASH=1: every worker exits 3 as soon as it starts.
import cluster from "node:cluster";
import { createInterface } from "node:readline";
import pino from "pino";
import { clusterWorkerId, createProcessRegistry, exitOnStopUntilServing, workerShutdownSignals } from "../cluster-worker";
import { runClusterPrimary } from "../run-cluster-primary";
import { startSlowFixtureServer } from "./slow-fixture-server";

const RELEASE = "fixture:release";
const shutdownTimeoutMs = Number(process.env.UPDRAFT_SHUTDOWN_TIMEOUT_MS ?? 25_000);
const logger = pino({ name: "web", level: "info" }).child({ worker: clusterWorkerId() ?? 0 });

if (cluster.isPrimary) {
  createInterface({ input: process.stdin }).on("line", (line) => {
    if (line.trim() !== "release") return;
    // A worker that drained already may be gone: a failed send is fine.
    for (const worker of Object.values(cluster.workers ?? {})) if (worker?.isConnected()) worker.send({ type: RELEASE }, () => undefined);
  });
  await runClusterPrimary({
    workers: Number(process.env.UPDRAFT_WEB_WORKERS ?? 2),
    logger,
    metricsPort: 0,
    hostname: "127.0.0.1",
    shutdownTimeoutMs,
    exit: (code) => process.exit(code),
  });
} else {
  const signals = workerShutdownSignals();
  const stopBeforeServing = exitOnStopUntilServing(signals, () => process.exit(0));
  if (process.env.FIXTURE_CRASH === "1") process.exit(3);
  const registry = createProcessRegistry();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  process.on("message", (message: { type?: string } | null) => {
    if (message?.type === RELEASE) release();
  });

  await startSlowFixtureServer({
    logger,
    registry,
    released,
    fastAnswer: String(process.pid),
    routes: ["/slow", "/pid"],
    signals,
    beforeListen: stopBeforeServing,
  });
}
