import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { CheckReadiness } from "./check-readiness";
import type { HttpMetrics } from "./http-metrics";
import type { RouteLabeller } from "./label-route";
import { answerProbe } from "./answer-probe";

/** Next's request handler, or a stand-in in tests. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface WebServer {
  readonly server: Server;
  /** Requests received and not yet answered. */
  readonly inFlight: number;
  /** Starts listening; resolves with the port (useful with port 0). */
  listen(port: number, hostname?: string): Promise<number>;
  /** From now on /readyz answers 503 and every response closes its connection. Still accepts connections. */
  beginShutdown(): void;
  /**
   * Stops accepting connections, closes idle keep-alive connections, and
   * resolves once every in-flight request is answered (cut: 0) or when
   * `timeoutMs` runs out (cut: how many requests were still running; their
   * connections are destroyed).
   */
  close(options: { timeoutMs: number }): Promise<{ cut: number }>;
}

/**
 * The production HTTP server: answers /healthz and /readyz itself, passes
 * everything else to `handle` (Next), records the HTTP metrics and a debug
 * log line per request, and drains on close.
 */
export function createWebServer(options: {
  handle: RequestHandler;
  logger: Logger;
  metrics: HttpMetrics;
  labelRoute: RouteLabeller;
  checkReadiness: CheckReadiness;
}): WebServer {
  const { handle, logger, metrics, labelRoute, checkReadiness } = options;
  const inFlight = new Set<ServerResponse>();
  let shuttingDown = false;
  let onIdle: (() => void) | undefined;

  const server = createServer((req, res) => {
    const finished = metrics.started();
    const startedAt = process.hrtime.bigint();
    inFlight.add(res);
    if (shuttingDown) res.setHeader("connection", "close");
    const pathname = (req.url ?? "/").split("?")[0]!;

    res.once("close", () => {
      inFlight.delete(res);
      const status = res.writableFinished ? String(res.statusCode) : "aborted";
      const route = labelRoute(pathname, res.statusCode);
      finished({ method: req.method, route, status });
      if (logger.isLevelEnabled("debug")) {
        const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
        logger.debug({ method: req.method, path: pathname, route, status, durationMs }, "request");
      }
      if (shuttingDown) {
        // A drained keep-alive connection would otherwise linger until its timeout.
        setImmediate(() => server.closeIdleConnections());
        if (inFlight.size === 0) onIdle?.();
      }
    });

    if (answerProbe(req, res, pathname, { checkReadiness, isShuttingDown: () => shuttingDown, logger })) return;

    let handled: Promise<void> | void;
    try {
      handled = handle(req, res);
    } catch (error) {
      handled = Promise.reject(error);
    }
    Promise.resolve(handled).catch((err: unknown) => {
      logger.error({ err, method: req.method, path: pathname }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Internal Server Error\n");
      else res.destroy();
    });
  });
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (err.code === "ECONNRESET" || !socket.writable) return socket.destroy();
    socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
  });

  function beginShutdown(): void {
    if (shuttingDown) return;
    shuttingDown = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
  }

  return {
    server,
    get inFlight() {
      return inFlight.size;
    },
    listen(port, hostname) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, hostname, () => {
          server.removeListener("error", reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    beginShutdown,
    async close({ timeoutMs }) {
      beginShutdown();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (onIdle = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
        ]);
        clearTimeout(timer);
      }
      const cut = inFlight.size;
      // Nothing left worth waiting for: idle sockets, half-sent requests, and any request past the deadline.
      server.closeAllConnections();
      await closed;
      return { cut };
    },
  };
}
