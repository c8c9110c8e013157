// The worker side of UPDRAFT_WEB_WORKERS > 1 (run-cluster-primary.ts is the primary's side).
import cluster from "node:cluster";
import { EventEmitter } from "node:events";
import { AggregatorRegistry, collectDefaultMetrics, Registry } from "prom-client";

/** Primary → worker: drain as on SIGTERM/SIGINT (`signal` says which one the primary got). */
export const SHUTDOWN_MESSAGE = "updraft:shutdown";
/** Worker → primary: this worker listens for SHUTDOWN_MESSAGE now (sent before it starts serving). */
export const SIGNALS_READY_MESSAGE = "updraft:signals-ready";

export interface ShutdownMessage {
  type: typeof SHUTDOWN_MESSAGE;
  signal: NodeJS.Signals;
}

/** The cluster worker id (1, 2, …) in a worker; undefined in the primary or without a cluster. */
export function clusterWorkerId(): number | undefined {
  return cluster.isWorker ? cluster.worker?.id : undefined;
}

/**
 * The process's metrics registry: the default process and Node.js metrics, and
 * in a cluster worker those carry `worker="<id>"`, so the primary's aggregation
 * keeps one series per worker for them (prom-client itself sums, averages or
 * drops them across workers). Application metrics (the HTTP histogram) carry no
 * worker label: the primary sums them over the workers.
 */
export function createProcessRegistry(workerId = clusterWorkerId()): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, ...(workerId === undefined ? {} : { labels: { worker: String(workerId) } }) });
  if (workerId !== undefined) {
    // Answers the primary's AggregatorRegistry.clusterMetrics() requests with this registry.
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([registry]);
  }
  return registry;
}

/**
 * A worker's stop requests, as one emitter of "SIGTERM" / "SIGINT" for
 * drainOnSignal. Both the primary (a SHUTDOWN_MESSAGE when it gets a signal)
 * and the operating system (a signal sent to the whole process group: Ctrl-C
 * in a terminal, or `npm start`'s supervisor) may tell a worker to stop, often
 * both for the same stop. So the n-th request from either source is emitted
 * once: one group Ctrl-C drains once, and only a repeat from the same source
 * (a second Ctrl-C, or the primary's second signal) counts as the second
 * signal that exits at once. A signal sent to this worker alone drains it too
 * (the primary then starts a new one).
 *
 * Installs its listeners at once (the signals' default action, exiting, no
 * longer applies) and tells the primary it does.
 */
export function workerShutdownSignals(proc: NodeJS.Process = process): EventEmitter {
  const emitter = new EventEmitter();
  const received = { os: 0, primary: 0 };
  let emitted = 0;
  const request = (source: keyof typeof received, signal: NodeJS.Signals) => {
    received[source] += 1;
    if (received[source] <= emitted) return;
    emitted += 1;
    emitter.emit(signal, signal);
  };
  proc.on("SIGTERM", () => request("os", "SIGTERM"));
  proc.on("SIGINT", () => request("os", "SIGINT"));
  proc.on("message", (message: unknown) => {
    if ((message as Partial<ShutdownMessage> | null)?.type === SHUTDOWN_MESSAGE) {
      request("primary", (message as ShutdownMessage).signal === "SIGINT" ? "SIGINT" : "SIGTERM");
    }
  });
  proc.send?.({ type: SIGNALS_READY_MESSAGE });
  return emitter;
}

/**
 * Until the server is set up (Next takes seconds to prepare), a stop request
 * just exits 0: nothing is being served yet. Returns the function that hands
 * over to drainOnSignal.
 */
export function exitOnStopUntilServing(signals: EventEmitter, onStop: (signal: NodeJS.Signals) => void): () => void {
  signals.on("SIGTERM", onStop);
  signals.on("SIGINT", onStop);
  return () => {
    signals.removeListener("SIGTERM", onStop);
    signals.removeListener("SIGINT", onStop);
  };
}
