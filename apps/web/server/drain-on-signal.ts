import type { EventEmitter } from "node:events";
import type { Logger } from "pino";
import type { WebServer } from "./create-web-server";

export interface DrainOptions {
  webServer: WebServer;
  logger: Logger;
  /** How long /readyz answers 503 before the listener closes (load balancers notice in that time). */
  drainDelayMs: number;
  /** The whole budget from the signal to exit; requests still running then are cut. */
  shutdownTimeoutMs: number;
  /** Closes everything else (metrics listener, database pool, Next) once the requests are drained. */
  cleanup(): Promise<void>;
  /** process.exit in production. */
  exit(code: number): void;
  /** Emits SIGTERM / SIGINT: the process in production. */
  signals?: EventEmitter;
}

/**
 * Graceful shutdown of the web server on SIGTERM or SIGINT: /readyz answers
 * 503 at once; after `drainDelayMs` the listener closes (new connections are
 * refused) and idle keep-alive connections are closed; in-flight requests
 * finish; then exit 0. Requests still running after `shutdownTimeoutMs` are
 * cut and the exit code is 1. A second signal exits at once with 1.
 */
export function drainOnSignal(options: DrainOptions): void {
  const { webServer, logger, exit } = options;
  const signals = options.signals ?? process;
  let draining = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (draining) {
      logger.warn({ signal, inFlight: webServer.inFlight }, "second signal: exiting now");
      exit(1);
      return;
    }
    draining = true;
    void drain(signal);
  };

  async function drain(signal: NodeJS.Signals): Promise<void> {
    const deadline = Date.now() + options.shutdownTimeoutMs;
    webServer.beginShutdown();
    logger.info(
      { signal, drainDelayMs: options.drainDelayMs, shutdownTimeoutMs: options.shutdownTimeoutMs, inFlight: webServer.inFlight },
      "shutting down: /readyz now answers 503",
    );
    if (options.drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(options.drainDelayMs, options.shutdownTimeoutMs)));
    logger.info({ inFlight: webServer.inFlight }, "no longer accepting connections; waiting for in-flight requests");
    const { cut } = await webServer.close({ timeoutMs: Math.max(0, deadline - Date.now()) });
    try {
      // Never let a stuck cleanup outlive the budget by much.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        options.cleanup(),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(1000, deadline - Date.now())))),
      ]).finally(() => clearTimeout(timer));
    } catch (err) {
      logger.warn({ err }, "cleanup after draining failed");
    }
    if (cut > 0) {
      logger.error({ cut, shutdownTimeoutMs: options.shutdownTimeoutMs }, `shutdown timeout: cut ${cut} in-flight request${cut === 1 ? "" : "s"}`);
      exit(1);
      return;
    }
    logger.info("drained: every request answered; exiting");
    exit(0);
  }

  signals.on("SIGTERM", onSignal);
  signals.on("SIGINT", onSignal);
}
