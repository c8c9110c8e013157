// The primary process of UPDRAFT_WEB_WORKERS > 1: forks the workers (each runs
// the whole web server, Next included, on the shared app port), replaces those
// that die, serves the aggregated /metrics, and stops them all on SIGTERM/SIGINT.
// It never loads Next.
import cluster, { type Worker } from "node:cluster";
import type { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { AggregatorRegistry } from "prom-client";
import { SHUTDOWN_MESSAGE, SIGNALS_READY_MESSAGE, type ShutdownMessage } from "./cluster-worker";
import { startMetricsServer, type MetricsServer } from "./start-metrics-server";

/** How long after the workers' own shutdown budget the primary still waits before it kills them. */
export const SHUTDOWN_MARGIN_MS = 3000;

export interface ClusterPrimaryOptions {
  workers: number;
  /** The primary's logger (its lines carry worker: 0). */
  logger: Logger;
  /** Where the aggregated /metrics listens; undefined: no metrics listener. */
  metricsPort?: number;
  hostname?: string;
  /** The workers' UPDRAFT_SHUTDOWN_TIMEOUT_MS: the primary gives them that plus SHUTDOWN_MARGIN_MS, then kills them. */
  shutdownTimeoutMs: number;
  /** Give up (stop the rest, exit 1) at this many unexpected worker exits within crashWindowMs. Default 5 in 60 s. */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** process.exit in production. */
  exit(code: number): void;
  /** Emits SIGTERM / SIGINT: the process in production. */
  signals?: EventEmitter;
}

interface WorkerState {
  worker: Worker;
  /** It listens for SHUTDOWN_MESSAGE (until then it serves nothing and a plain SIGTERM is safe). */
  signalsReady: boolean;
  listening: boolean;
  /** Asked to stop (by the primary's shutdown). */
  stopping: boolean;
}

/** Waits before starting the n-th replacement within the crash window: 0, 250 ms, 500 ms, 1 s, … at most 5 s. */
export function restartDelayMs(recentCrashes: number): number {
  return recentCrashes <= 1 ? 0 : Math.min(5000, 250 * 2 ** (recentCrashes - 2));
}

export async function runClusterPrimary(options: ClusterPrimaryOptions): Promise<void> {
  const { logger, exit } = options;
  const signals = options.signals ?? process;
  const maxCrashes = options.maxCrashes ?? 5;
  const crashWindowMs = options.crashWindowMs ?? 60_000;
  const states = new Map<number, WorkerState>();
  const crashes: number[] = [];
  const pendingRestarts = new Set<NodeJS.Timeout>();
  let shuttingDown: { reason: "signal" | "crash loop"; clean: boolean; signalCount: number } | undefined;
  let announcedListening = false;
  let metricsServer: MetricsServer | undefined;

  if (options.metricsPort !== undefined) {
    const aggregator = new AggregatorRegistry();
    metricsServer = await startMetricsServer({
      port: options.metricsPort,
      hostname: options.hostname,
      // Asks every worker for its registry and merges them (sum, or per prom-client's aggregator of each metric).
      registry: { contentType: aggregator.contentType, metrics: () => aggregator.clusterMetrics() },
      logger,
    });
  }

  function fork(): void {
    const worker = cluster.fork();
    const state: WorkerState = { worker, signalsReady: false, listening: false, stopping: false };
    states.set(worker.id, state);
    worker.on("message", (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === SIGNALS_READY_MESSAGE) state.signalsReady = true;
    });
    worker.on("listening", (address) => {
      state.listening = true;
      if (!announcedListening && [...states.values()].filter((s) => s.listening).length >= options.workers) {
        announcedListening = true;
        logger.info({ port: address.port, workers: options.workers, metricsPort: metricsServer?.port }, "all web workers listening");
      }
    });
    worker.on("exit", (code, signal) => onExit(state, code, signal));
    // A message to a worker whose channel just closed (it is exiting) fails with an 'error' event, which
    // would otherwise end the primary; its exit is handled above.
    worker.on("error", (err) => logger.warn({ err, workerId: worker.id, workerPid: worker.process.pid }, "could not reach a web worker"));
    logger.info({ workerId: worker.id, workerPid: worker.process.pid }, "web worker started");
  }

  function onExit(state: WorkerState, code: number | null, signal: string | null): void {
    const { worker } = state;
    states.delete(worker.id);
    const fields = { workerId: worker.id, workerPid: worker.process.pid, code, signal };
    if (shuttingDown) {
      // A worker stopped before it could serve anything (no SHUTDOWN_MESSAGE listener yet) is fine however it ended.
      const clean = code === 0 || (state.stopping && !state.signalsReady);
      if (clean) logger.info(fields, "web worker stopped");
      else {
        shuttingDown.clean = false;
        logger.error(fields, "web worker did not stop cleanly");
      }
      if (states.size === 0) finish();
      return;
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && crashes[0]! <= now - crashWindowMs) crashes.shift();
    if (crashes.length >= maxCrashes) {
      logger.fatal({ ...fields, crashes: crashes.length, crashWindowMs }, `web workers keep dying (${crashes.length} in ${crashWindowMs / 1000} s): giving up`);
      beginShutdown("crash loop", "SIGTERM");
      return;
    }
    const delayMs = restartDelayMs(crashes.length);
    logger.error({ ...fields, restartInMs: delayMs }, "web worker died; starting a new one");
    const timer = setTimeout(() => {
      pendingRestarts.delete(timer);
      if (!shuttingDown) fork();
    }, delayMs);
    pendingRestarts.add(timer);
  }

  function askToStop(state: WorkerState, signal: NodeJS.Signals): void {
    state.stopping = true;
    if (!state.worker.isConnected() && state.worker.isDead()) return;
    if (state.signalsReady) {
      const message: ShutdownMessage = { type: SHUTDOWN_MESSAGE, signal };
      try {
        // If the channel closes before the message is out, the worker is exiting already: its exit is handled.
        state.worker.send(message, (err: Error | null) => {
          if (err) logger.warn({ err, workerId: state.worker.id }, "could not ask a web worker to drain; it is exiting");
        });
        return;
      } catch {
        // The channel just closed; fall through to the signal.
      }
    }
    // Still starting (loading modules or Next): it serves nothing yet, so a plain signal is safe.
    state.worker.process.kill("SIGTERM");
  }

  let killTimer: NodeJS.Timeout | undefined;
  function beginShutdown(reason: "signal" | "crash loop", signal: NodeJS.Signals): void {
    for (const timer of pendingRestarts) clearTimeout(timer);
    pendingRestarts.clear();
    if (shuttingDown) {
      shuttingDown.signalCount += 1;
      // The workers treat the primary's second message as a second signal: they exit at once with 1.
      logger.warn({ signal, workers: states.size }, "second signal: the workers stop now");
      for (const state of states.values()) askToStop(state, signal);
      return;
    }
    shuttingDown = { reason, clean: reason === "signal", signalCount: 1 };
    logger.info(
      { signal, reason, workers: states.size, shutdownTimeoutMs: options.shutdownTimeoutMs },
      "shutting down: asking every web worker to drain",
    );
    for (const state of states.values()) askToStop(state, signal);
    killTimer = setTimeout(() => {
      logger.error(
        { workers: [...states.values()].map((s) => s.worker.process.pid), waitedMs: options.shutdownTimeoutMs + SHUTDOWN_MARGIN_MS },
        "web workers still running after the shutdown timeout: killing them",
      );
      shuttingDown!.clean = false;
      for (const state of states.values()) state.worker.process.kill("SIGKILL");
    }, options.shutdownTimeoutMs + SHUTDOWN_MARGIN_MS);
    if (states.size === 0) finish();
  }

  let finished = false;
  function finish(): void {
    if (finished) return;
    finished = true;
    clearTimeout(killTimer);
    const code = shuttingDown?.clean ? 0 : 1;
    void Promise.resolve(metricsServer?.close()).finally(() => {
      if (code === 0) logger.info("every web worker drained; exiting");
      else logger.error({ reason: shuttingDown?.reason }, "web workers stopped, not all cleanly; exiting with 1");
      exit(code);
    });
  }

  const onSignal = (signal: NodeJS.Signals) => beginShutdown("signal", signal);
  signals.on("SIGTERM", onSignal);
  signals.on("SIGINT", onSignal);

  logger.info({ workers: options.workers }, "starting web workers");
  for (let i = 0; i < options.workers; i += 1) fork();
}
